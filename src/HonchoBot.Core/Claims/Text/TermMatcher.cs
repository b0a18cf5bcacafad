using System.Globalization;
using System.Text.RegularExpressions;
using System.Text;

namespace HonchoBot.Core.Claims.Text;

/// <summary>A lexicon term found in a text.</summary>
internal readonly record struct TermHit<T>(int Start, int End, T Value);

/// <summary>
/// Finds lexicon terms on word boundaries with one precompiled regex per word list. Spaces and hyphens in a term
/// match each other; a term written only in capitals (US, AAA) matches only in capitals, so "us" the pronoun is
/// not the United States.
/// </summary>
internal sealed class TermMatcher<T>
{
    // Every list whose terms all start with a word is tried only where one of those words starts; a list with a
    // term starting otherwise ("%") scans the whole text with the plain regex.
    private readonly AnchoredScan? anchored;
    private readonly Regex? regex;
    private readonly Dictionary<string, T> map;
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly bool allowPlural;

    /// <param name="index">The lexicon's first-word index, to register this list in; null to look up its own.</param>
    public TermMatcher(IEnumerable<(string Term, T Value)> terms, bool allowPlural, FirstWordIndex? index = null)
    {
        this.allowPlural = allowPlural;
        map = new Dictionary<string, T>(StringComparer.Ordinal);
        var patterns = new List<string>();
        var firstWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (term, value) in terms)
        {
            var trimmed = term.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            map.TryAdd(Normalize(trimmed), value);
            patterns.Add(Pattern(trimmed));
            var first = FirstWord(trimmed);
            if (first is null)
            {
                firstWords = null;
            }
            else
            {
                firstWords?.Add(first);
            }
        }

        lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
        if (patterns.Count == 0)
        {
            return;
        }

        var pattern = ListPattern(patterns, allowPlural);
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;
        if (firstWords is null)
        {
            regex = new Regex(pattern, options, ClaimLexicon.MatchTimeout);
        }
        else
        {
            anchored = new AnchoredScan(pattern, options, ClaimLexicon.MatchTimeout, firstWords, index);
        }
    }

    public int Count => map.Count;

    /// <summary>Is the text one of the listed terms itself, not a plural or possessive of one?</summary>
    public bool IsTerm(string text) => map.ContainsKey(Normalize(text));

    /// <summary>Appends every hit in <paramref name="text"/>, in order of position.</summary>
    public void Find(string text, List<TermHit<T>> into)
    {
        if (anchored is null)
        {
            Scan(regex, text, into);
        }
        else
        {
            Find(text, TextWords.Of(text), into);
        }
    }

    /// <summary>Every hit in <paramref name="text"/>, whose words are <paramref name="words"/>, in order of position.</summary>
    public List<TermHit<T>> Find(string text, TextWords words)
    {
        var hits = new List<TermHit<T>>();
        if (anchored is null)
        {
            Scan(regex, text, hits);
        }
        else
        {
            Find(text, words, hits);
        }

        return hits;
    }

    public List<TermHit<T>> Find(string text)
    {
        var hits = new List<TermHit<T>>();
        Find(text, hits);
        return hits;
    }

    /// <summary>
    /// The same hits found the plain way, one regex scan over the whole text: the reference that
    /// <see cref="Find(string, TextWords)"/> must agree with.
    /// </summary>
    internal List<TermHit<T>> FindByScan(string text)
    {
        var hits = new List<TermHit<T>>();
        Scan(anchored?.Scan ?? regex, text, hits);
        return hits;
    }

    /// <summary>The hits among the anchored matches: a match that does not resolve still consumes its text, as in a scan.</summary>
    private void Find(string text, TextWords words, List<TermHit<T>> into)
    {
        foreach (var (start, length) in anchored!.Spans(text, words))
        {
            if (TryResolve(text.AsSpan(start, length), out var value))
            {
                into.Add(new TermHit<T>(start, start + length, value));
            }
        }
    }

    private void Scan(Regex? scan, string text, List<TermHit<T>> into)
    {
        if (scan is null)
        {
            return;
        }

        for (var m = scan.Match(text); m.Success; m = m.NextMatch())
        {
            if (TryResolve(m.ValueSpan, out var value))
            {
                into.Add(new TermHit<T>(m.Index, m.Index + m.Length, value));
            }
        }
    }

    /// <summary>One alternation of every term, longest first (so "Soviet Union" wins over "Soviet"), on word boundaries.</summary>
    private static string ListPattern(List<string> patterns, bool allowPlural)
    {
        var alternation = string.Join('|', patterns.Distinct(StringComparer.Ordinal).OrderByDescending(p => p.Length));
        var suffix = allowPlural ? @"(?:e?s)?(?:['’]s?)?" : "";
        return $@"(?<![\p{{L}}\p{{N}}])(?:{alternation}){suffix}(?![\p{{L}}\p{{N}}])";
    }

    private bool TryResolve(ReadOnlySpan<char> matched, out T value)
    {
        Span<char> buffer = matched.Length <= 128 ? stackalloc char[matched.Length] : new char[matched.Length];
        var length = Normalize(matched, buffer);
        var key = buffer[..length];
        if (lookup.TryGetValue(key, out value!))
        {
            return true;
        }

        if (!allowPlural)
        {
            return false;
        }

        // Strip a possessive, then a plural ending, as the regex allowed them.
        if (key.EndsWith("'s") || key.EndsWith("s'"))
        {
            key = key[..^2];
            if (lookup.TryGetValue(key, out value!))
            {
                return true;
            }
        }
        else if (key.EndsWith("'"))
        {
            key = key[..^1];
        }

        if (key.EndsWith("es") && lookup.TryGetValue(key[..^2], out value!))
        {
            return true;
        }

        return key.EndsWith('s') && lookup.TryGetValue(key[..^1], out value!);
    }

    /// <summary>Lower case, curly apostrophes straightened, runs of spaces and hyphens folded to one space.</summary>
    public static string Normalize(string text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = Normalize(text, buffer);
        return new string(buffer[..length]);
    }

    private static int Normalize(ReadOnlySpan<char> text, Span<char> into)
    {
        var n = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || IsHyphen(c))
            {
                pendingSpace = n > 0;
                continue;
            }

            if (pendingSpace)
            {
                into[n++] = ' ';
                pendingSpace = false;
            }

            into[n++] = c is '’' or '‘' ? '\'' : char.ToLowerInvariant(c);
        }

        return n;
    }

    /// <summary>
    /// The term's leading run of letters and numbers, lower-case: every match of the term starts with exactly that
    /// word (case aside). Null when the term does not start with a letter or number.
    /// </summary>
    internal static string? FirstWord(string term)
    {
        var length = 0;
        while (length < term.Length && TextWords.IsWordChar(term[length]))
        {
            length++;
        }

        return length == 0 ? null : term[..length].ToLowerInvariant();
    }

    internal static bool IsHyphen(char c) => c is '-' or '‐' or '‑';

    private static string Pattern(string term)
    {
        var upperOnly = term.Count(char.IsLetter) >= 2 && term.All(c => !char.IsLetter(c) || char.IsUpper(c));
        var sb = new StringBuilder();
        var inGap = false;
        foreach (var c in term)
        {
            if (char.IsWhiteSpace(c) || IsHyphen(c))
            {
                if (!inGap)
                {
                    sb.Append(@"[\s\-‐‑]+");
                    inGap = true;
                }

                continue;
            }

            inGap = false;
            if (c is '\'' or '’')
            {
                sb.Append("['’]");
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString(CultureInfo.InvariantCulture)));
            }
        }

        return upperOnly ? $"(?-i:{sb})" : sb.ToString();
    }
}
