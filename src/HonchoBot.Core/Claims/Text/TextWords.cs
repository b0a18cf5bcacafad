namespace HonchoBot.Core.Claims.Text;

/// <summary>
/// The words of a text with where each starts, lower-cased: a term list's regex is tried only where one of its
/// terms' first words starts (see <see cref="TermMatcher{T}"/>), instead of scanning the whole text once per
/// list. Those scans were most of the time claim extraction took at index time.
/// </summary>
/// <remarks>
/// Never loses a match. A word is a run of letters and numbers, which is exactly where the term regexes put word
/// boundaries, so a term can only match where a word starts that equals the term's first word (case aside). A
/// word with a plural ending is also filed without it, for lists that allow plurals. A word outside ASCII, where
/// case-insensitive matching has equivalences lower-casing does not reproduce, is a candidate for every list.
/// </remarks>
internal sealed class TextWords
{
    private readonly Dictionary<string, List<int>> _starts = new(StringComparer.Ordinal);
    private readonly List<int> _everyList = [];

    private TextWords()
    {
    }

    public static TextWords Of(string text)
    {
        var words = new TextWords();
        var lookup = words._starts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[64];
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var ascii = true;
            while (i < text.Length && IsWordChar(text[i]))
            {
                ascii &= text[i] < 128;
                i++;
            }

            var word = i - start <= buffer.Length ? buffer[..(i - start)] : new char[i - start];
            text.AsSpan(start, i - start).ToLowerInvariant(word);
            if (!ascii)
            {
                words._everyList.Add(start);
            }

            File(lookup, word, start);
            if (word.Length > 1 && word[^1] == 's')
            {
                File(lookup, word[..^1], start);
                if (word.Length > 2 && word[^2] == 'e')
                {
                    File(lookup, word[..^2], start);
                }
            }
        }

        return words;
    }

    /// <summary>Where a word of <paramref name="firstWords"/> (lower-case) starts, ascending, each once.</summary>
    public List<int> StartsOf(IReadOnlySet<string> firstWords)
    {
        var starts = new List<int>(_everyList);
        if (firstWords.Count <= _starts.Count)
        {
            foreach (var word in firstWords)
            {
                if (_starts.TryGetValue(word, out var at))
                {
                    starts.AddRange(at);
                }
            }
        }
        else
        {
            foreach (var (word, at) in _starts)
            {
                if (firstWords.Contains(word))
                {
                    starts.AddRange(at);
                }
            }
        }

        starts.Sort();
        return starts;
    }

    /// <summary>The characters the term regexes count as inside a word (\p{L} and \p{N}).</summary>
    public static bool IsWordChar(char c) => char.IsLetter(c) || char.IsNumber(c);

    private static void File(Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<char> word, int start)
    {
        if (!lookup.TryGetValue(word, out var at))
        {
            at = new List<int>(2);
            lookup[word] = at;
        }

        if (at.Count == 0 || at[^1] != start)
        {
            at.Add(start);
        }
    }
}
