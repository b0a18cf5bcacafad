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
/// Read with a lexicon's <see cref="FirstWordIndex"/>, each word is looked up once for all of its lists; a list
/// outside that index gets its starts the slower way, by its own first words.
/// </remarks>
internal sealed class TextWords
{
    private readonly string _text;
    private readonly FirstWordIndex? _index;
    private readonly List<int>?[] _bySlot;
    private readonly List<int> _everyList = [];
    private Dictionary<string, List<int>>? _starts;

    private delegate void WordVisitor(ReadOnlySpan<char> form, int start);

    private TextWords(string text, FirstWordIndex? index)
    {
        _text = text;
        _index = index;
        _bySlot = index is null ? [] : new List<int>?[index.Count];
        if (index is null)
        {
            _starts = FileAll(text);
            return;
        }

        Walk(text, _everyList, (form, start) =>
        {
            foreach (var slot in index.ListsStartingWith(form))
            {
                var at = _bySlot[slot] ??= new List<int>(2);
                if (at.Count == 0 || at[^1] != start)
                {
                    at.Add(start);
                }
            }
        });
    }

    /// <summary>The words of <paramref name="text"/>, for lists looked up by their own first words.</summary>
    public static TextWords Of(string text) => new(text, null);

    /// <summary>The words of <paramref name="text"/>, filed by the lists of <paramref name="index"/> at once.</summary>
    public static TextWords Of(string text, FirstWordIndex index) =>
        index.IsClosed ? new(text, index) : throw new InvalidOperationException("the first-word index is still open to new lists");

    /// <summary>
    /// Where a term of the list in <paramref name="slot"/> of <paramref name="index"/> can start, ascending, each
    /// once; <paramref name="firstWords"/> (lower-case) is how to find them when this text was not read with that
    /// index.
    /// </summary>
    public IReadOnlyList<int> StartsOf(IReadOnlySet<string> firstWords, FirstWordIndex? index, int slot)
    {
        if (index is null || !ReferenceEquals(index, _index))
        {
            return StartsOf(firstWords);
        }

        var listed = _bySlot[slot];
        if (_everyList.Count == 0)
        {
            return listed ?? (IReadOnlyList<int>)[];
        }

        var starts = new List<int>(_everyList);
        if (listed is not null)
        {
            starts.AddRange(listed);
            starts.Sort();
            RemoveRepeats(starts);
        }

        return starts;
    }

    /// <summary>Where a word of <paramref name="firstWords"/> (lower-case) starts, ascending, each once.</summary>
    public List<int> StartsOf(IReadOnlySet<string> firstWords)
    {
        var filed = _starts ??= FileAll(_text);
        var starts = new List<int>(_everyList);
        if (firstWords.Count <= filed.Count)
        {
            foreach (var word in firstWords)
            {
                if (filed.TryGetValue(word, out var at))
                {
                    starts.AddRange(at);
                }
            }
        }
        else
        {
            foreach (var (word, at) in filed)
            {
                if (firstWords.Contains(word))
                {
                    starts.AddRange(at);
                }
            }
        }

        starts.Sort();
        RemoveRepeats(starts);
        return starts;
    }

    /// <summary>The characters the term regexes count as inside a word (\p{L} and \p{N}).</summary>
    public static bool IsWordChar(char c) => char.IsLetter(c) || char.IsNumber(c);

    private Dictionary<string, List<int>> FileAll(string text)
    {
        var filed = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var lookup = filed.GetAlternateLookup<ReadOnlySpan<char>>();
        // Read without an index, this is the only walk: it also finds the words outside ASCII.
        Walk(text, _index is null ? _everyList : null, (form, start) =>
        {
            if (!lookup.TryGetValue(form, out var at))
            {
                at = new List<int>(2);
                lookup[form] = at;
            }

            if (at.Count == 0 || at[^1] != start)
            {
                at.Add(start);
            }
        });
        return filed;
    }

    /// <summary>
    /// Visits every word lower-cased, and again without a plural ending ("s", "es"); adds where a word outside ASCII
    /// starts to <paramref name="everyList"/> (when given).
    /// </summary>
    private static void Walk(string text, List<int>? everyList, WordVisitor visit)
    {
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
                everyList?.Add(start);
            }

            visit(word, start);
            if (word.Length > 1 && word[^1] == 's')
            {
                visit(word[..^1], start);
                if (word.Length > 2 && word[^2] == 'e')
                {
                    visit(word[..^2], start);
                }
            }
        }
    }

    private static void RemoveRepeats(List<int> sorted)
    {
        var kept = 0;
        for (var i = 0; i < sorted.Count; i++)
        {
            if (kept == 0 || sorted[kept - 1] != sorted[i])
            {
                sorted[kept++] = sorted[i];
            }
        }

        sorted.RemoveRange(kept, sorted.Count - kept);
    }
}
