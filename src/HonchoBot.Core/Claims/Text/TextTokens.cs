using System.Text.RegularExpressions;

namespace HonchoBot.Core.Claims.Text;

/// <summary>A text cut into word, number and punctuation tokens, and into sentences and clauses, with offsets.</summary>
internal sealed partial class TextTokens
{
    // Numbers keep their thousands separators and decimals ("72,000", "1.5"); words keep inner apostrophes. Passages
    // are cut by Scan, which finds the same tokens; the regex splits the lexicon's own phrases.
    [GeneratedRegex(@"\d+(?:[.,]\d+)*|\p{L}+(?:['’]\p{L}+)*|\S", RegexOptions.CultureInvariant)]
    internal static partial Regex TokenRegex { get; }

    private TextTokens(string text, Token[] tokens, Segment[] sentences, Segment[] clauses)
    {
        Text = text;
        Tokens = tokens;
        Sentences = sentences;
        Clauses = clauses;
    }

    public string Text { get; }
    public Token[] Tokens { get; }
    public Segment[] Sentences { get; }
    public Segment[] Clauses { get; }

    public static TextTokens Create(string text, ClaimLexicon lexicon)
    {
        var sentences = SplitSentences(text, lexicon);
        var clauses = SplitClauses(text, sentences, lexicon);
        return new TextTokens(text, Scan(text), sentences, clauses);
    }

    /// <summary>
    /// The tokens <see cref="TokenRegex"/> matches, found by hand (it ran on every passage indexed): a number with its
    /// separators, a word with its inner apostrophes, or any other character that is not white space.
    /// </summary>
    internal static Token[] Scan(string text)
    {
        var tokens = new List<Token>(text.Length / 4);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var start = i;
            if (char.IsDigit(c))
            {
                i = RunWithJoiners(text, i, char.IsDigit, static j => j is '.' or ',');
                tokens.Add(new Token(start, i, TokenKind.Number));
            }
            else if (char.IsLetter(c))
            {
                i = RunWithJoiners(text, i, char.IsLetter, static j => j is '\'' or '’');
                tokens.Add(new Token(start, i, TokenKind.Word));
            }
            else
            {
                i++;
                if (!char.IsWhiteSpace(c))
                {
                    tokens.Add(new Token(start, i, TokenKind.Punct));
                }
            }
        }

        return [.. tokens];
    }

    /// <summary>
    /// The end of a run of <paramref name="part"/> characters starting at <paramref name="i"/>, continued across a single
    /// joiner only when another such character follows it ("72,000", "Ch'ongch'on").
    /// </summary>
    private static int RunWithJoiners(string text, int i, Func<char, bool> part, Func<char, bool> joiner)
    {
        while (true)
        {
            while (i < text.Length && part(text[i]))
            {
                i++;
            }

            if (i + 1 < text.Length && joiner(text[i]) && part(text[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }
    }

    public ReadOnlySpan<char> Span(Token token) => Text.AsSpan(token.Start, token.Length);

    public bool Is(int index, string word) =>
        index >= 0 && index < Tokens.Length && Span(Tokens[index]).Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>Index of the first token starting at or after <paramref name="offset"/>.</summary>
    public int TokenAt(int offset)
    {
        int lo = 0, hi = Tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Tokens[mid].Start < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Does the phrase (lower-case tokens) occur at token <paramref name="index"/>?</summary>
    public bool MatchesAt(int index, string[] phrase)
    {
        if (index < 0 || index + phrase.Length > Tokens.Length)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            if (!Span(Tokens[index + k]).Equals(phrase[k], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    public Segment ClauseOf(int offset) => Find(Clauses, offset);

    public Segment SentenceOf(int offset) => Find(Sentences, offset);

    /// <summary>The sentence before <paramref name="sentence"/>, or null when it is the first.</summary>
    public Segment? SentenceBefore(Segment sentence)
    {
        Segment? before = null;
        foreach (var s in Sentences)
        {
            if (s.End <= sentence.Start)
            {
                before = s;
            }
        }

        return before;
    }

    private static Segment Find(Segment[] segments, int offset)
    {
        foreach (var s in segments)
        {
            if (offset >= s.Start && offset < s.End)
            {
                return s;
            }
        }

        return segments.Length > 0 ? segments[^1] : new Segment(0, 0);
    }

    private static Segment[] SplitSentences(string text, ClaimLexicon lexicon)
    {
        var result = new List<Segment>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                Add(result, text, start, i);
                start = i + 1;
                continue;
            }

            if (c is not ('.' or '!' or '?' or '…'))
            {
                continue;
            }

            // A full stop ends a sentence when whitespace and a capital (or quote, digit) follow, unless it closes
            // an abbreviation ("U.S. Air Force") or an initial.
            var j = i + 1;
            while (j < text.Length && text[j] is '"' or '”' or '’' or '\'' or ')')
            {
                j++;
            }

            if (j < text.Length && !char.IsWhiteSpace(text[j]))
            {
                continue;
            }

            var k = j;
            while (k < text.Length && char.IsWhiteSpace(text[k]) && text[k] is not ('\n' or '\r'))
            {
                k++;
            }

            if (k < text.Length && !(char.IsUpper(text[k]) || char.IsDigit(text[k]) || text[k] is '"' or '“' or '‘' or '(' or '\n' or '\r'))
            {
                continue;
            }

            if (c == '.' && IsAbbreviation(text, i, lexicon))
            {
                continue;
            }

            Add(result, text, start, j);
            start = j;
        }

        Add(result, text, start, text.Length);
        return [.. result];
    }

    private static bool IsAbbreviation(string text, int dot, ClaimLexicon lexicon)
    {
        var s = dot;
        while (s > 0 && (char.IsLetter(text[s - 1]) || text[s - 1] == '.'))
        {
            s--;
        }

        var word = text.AsSpan(s, dot - s);
        if (word.Length == 0)
        {
            return false;
        }

        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }

        return lexicon.Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    private static void Add(List<Segment> into, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            into.Add(new Segment(start, end));
        }
    }

    private static Segment[] SplitClauses(string text, Segment[] sentences, ClaimLexicon lexicon)
    {
        var result = new List<Segment>(sentences.Length * 2);
        var cuts = new List<(int Start, int End)>();

        // A break absent from the text is absent from each of its sentences: most passages hold only a few of them.
        var present = lexicon.ClauseBreaks.Where(b => text.Contains(b, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var sentence in sentences)
        {
            cuts.Clear();
            var span = text.AsSpan(sentence.Start, sentence.Length);
            foreach (var brk in present)
            {
                var from = 0;
                while (from < span.Length)
                {
                    var at = span[from..].IndexOf(brk, StringComparison.OrdinalIgnoreCase);
                    if (at < 0)
                    {
                        break;
                    }

                    cuts.Add((sentence.Start + from + at, sentence.Start + from + at + brk.Length));
                    from += at + brk.Length;
                }
            }

            cuts.Sort((a, b) => a.Start.CompareTo(b.Start));
            var start = sentence.Start;
            foreach (var (cutStart, cutEnd) in cuts)
            {
                if (cutStart < start)
                {
                    continue;
                }

                Add(result, text, start, cutStart);
                start = cutEnd;
            }

            Add(result, text, start, sentence.End);
        }

        return [.. result];
    }
}
