using System.Collections.Frozen;

namespace HonchoBot.Core.Claims.Text;

/// <summary>
/// Every term list of a lexicon by the first words of its terms: for each word, which lists have a term starting
/// with it. A text's words are then looked up once for all lists (<see cref="TextWords.Of(string, FirstWordIndex)"/>)
/// instead of once per list, which is what tagging a passage mostly cost when each of the lexicon's forty-odd lists
/// looked up its own first words.
/// </summary>
/// <remarks>Lists register while the lexicon is built, which then closes the index (<see cref="Close"/>).</remarks>
internal sealed class FirstWordIndex
{
    private readonly Dictionary<string, List<int>> _building = new(StringComparer.Ordinal);
    private FrozenDictionary<string, int[]>? _lists;
    private FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private int _count;

    /// <summary>How many lists are registered.</summary>
    public int Count => _count;

    /// <summary>Registers a list by its terms' first words (lower-case); returns the list's slot.</summary>
    public int Register(IEnumerable<string> firstWords)
    {
        if (_lists is not null)
        {
            throw new InvalidOperationException("the index is closed to new lists");
        }

        var slot = _count++;
        foreach (var word in firstWords)
        {
            if (!_building.TryGetValue(word, out var slots))
            {
                _building[word] = slots = [];
            }

            slots.Add(slot);
        }

        return slot;
    }

    /// <summary>Closes the index to new lists; texts can be read with it from then on.</summary>
    public void Close()
    {
        // Frozen: every word of every passage indexed is looked up here, and a frozen dictionary looks up faster.
        var lists = _building.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _lookup = lists.GetAlternateLookup<ReadOnlySpan<char>>();
        _lists = lists;
    }

    /// <summary>Whether lists can no longer register and texts can be read.</summary>
    public bool IsClosed => _lists is not null;

    /// <summary>The slots of the lists with a term starting with <paramref name="word"/> (lower-case), or empty.</summary>
    public ReadOnlySpan<int> ListsStartingWith(ReadOnlySpan<char> word) =>
        _lists is null ? throw new InvalidOperationException("the index is still open to new lists")
        : _lookup.TryGetValue(word, out var slots) ? slots : [];
}
