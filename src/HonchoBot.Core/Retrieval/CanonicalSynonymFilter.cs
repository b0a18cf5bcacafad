using System.Collections.Frozen;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace HonchoBot.Core.Retrieval;

/// <summary>
/// Rewrites listed spellings to their canonical word, one word or several in ("air force" → "airforce",
/// "saber" → "sabre"). The output is what Lucene's synonym filter gives for the same rules without keeping the
/// originals: the canonical word one position after the word before it (a gap left by a removed stop word
/// closes), spanning from the first rewritten word's start to the last one's end, the later words' positions
/// gone; the longest listed spelling wins, left to right.
/// It costs one dictionary lookup for a word that starts no listed spelling (nearly every word), where Lucene's
/// filter captured and restored every token's state; it runs on every word of every passage.
/// </summary>
/// <remarks>
/// Only for lists where every spelling has one canonical word (<see cref="CanonicalSpellings.TryCreate"/>);
/// for anything else the chain keeps Lucene's filter.
/// </remarks>
internal sealed class CanonicalSynonymFilter : TokenFilter
{
    private readonly CanonicalSpellings _spellings;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly IPositionIncrementAttribute _increment;

    // Words read ahead to try a spelling of several words, and not used by it: given out before the input's next.
    private readonly List<(State State, string Term, int End)> _ahead = [];
    private int _aheadNext;

    public CanonicalSynonymFilter(TokenStream input, CanonicalSpellings spellings)
        : base(input)
    {
        _spellings = spellings;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!Next())
        {
            return false;
        }

        var candidates = _spellings.Starting(_term.Buffer.AsSpan(0, _term.Length));
        if (candidates.Length == 0)
        {
            return true;
        }

        // Reading ahead leaves the current word's attributes as they were (HasAhead restores them), so nothing here
        // captures state: a one-word spelling, the usual case, is rewritten in place.
        var start = _offset.StartOffset;
        var end = _offset.EndOffset;
        foreach (var spelling in candidates)
        {
            if (!HasAhead(spelling.Rest.Length) || !MatchesAhead(spelling.Rest))
            {
                continue;
            }

            if (spelling.Rest.Length > 0)
            {
                end = _ahead[_aheadNext + spelling.Rest.Length - 1].End;
                UseAhead(spelling.Rest.Length);
            }

            _term.SetEmpty().Append(spelling.Canonical);
            _offset.SetOffset(start, end);
            _increment.PositionIncrement = 1;
            _type.Type = SynonymType;
            return true;
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _ahead.Clear();
        _aheadNext = 0;
    }

    /// <summary>The type Lucene's synonym filter gives a rewritten word.</summary>
    private const string SynonymType = "SYNONYM";

    /// <summary>The next word: one read ahead and not used, else the input's.</summary>
    private bool Next()
    {
        if (_aheadNext < _ahead.Count)
        {
            RestoreState(_ahead[_aheadNext].State);
            UseAhead(1);
            return true;
        }

        return m_input.IncrementToken();
    }

    /// <summary>Marks words read ahead as used; once all are, the buffer starts over.</summary>
    private void UseAhead(int count)
    {
        _aheadNext += count;
        if (_aheadNext == _ahead.Count)
        {
            _ahead.Clear();
            _aheadNext = 0;
        }
    }

    /// <summary>Reads ahead until <paramref name="count"/> words wait after the current one, if the input has them.</summary>
    private bool HasAhead(int count)
    {
        if (_ahead.Count - _aheadNext >= count)
        {
            return true;
        }

        var current = CaptureState();
        var ok = true;
        while (_ahead.Count - _aheadNext < count)
        {
            if (!m_input.IncrementToken())
            {
                ok = false;
                break;
            }

            _ahead.Add((CaptureState(), _term.ToString(), _offset.EndOffset));
        }

        RestoreState(current);
        return ok;
    }

    private bool MatchesAhead(string[] rest)
    {
        for (var i = 0; i < rest.Length; i++)
        {
            if (!string.Equals(_ahead[_aheadNext + i].Term, rest[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A listed spelling: its first analysed word (the key), the words after it, and the canonical word.</summary>
internal sealed record CanonicalSpelling(string[] Rest, string Canonical);

/// <summary>The listed spellings by first word, longest first, for <see cref="CanonicalSynonymFilter"/>.</summary>
internal sealed class CanonicalSpellings
{
    private static readonly CanonicalSpelling[] None = [];
    private readonly FrozenDictionary<string, CanonicalSpelling[]>.AlternateLookup<ReadOnlySpan<char>> _byFirst;

    private CanonicalSpellings(FrozenDictionary<string, CanonicalSpelling[]> byFirst) =>
        _byFirst = byFirst.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The spellings starting with <paramref name="word"/>, longest first; empty for most words.</summary>
    public CanonicalSpelling[] Starting(ReadOnlySpan<char> word) =>
        _byFirst.TryGetValue(word, out var spellings) ? spellings : None;

    /// <summary>
    /// The spellings of <paramref name="rules"/> (analysed words → analysed canonical words), or null when some
    /// canonical form is more than one word or a spelling has two canonical forms: the filter does not do those.
    /// </summary>
    public static CanonicalSpellings? TryCreate(IEnumerable<(string[] Words, string[] Canonical)> rules)
    {
        var canonicalOf = new Dictionary<string, (string[] Words, string Canonical)>(StringComparer.Ordinal);
        foreach (var (words, canonical) in rules)
        {
            if (canonical.Length != 1 || words.Length == 0)
            {
                return null;
            }

            var key = string.Join('\0', words);
            if (canonicalOf.TryGetValue(key, out var known) && known.Canonical != canonical[0])
            {
                return null;
            }

            canonicalOf[key] = (words, canonical[0]);
        }

        var byFirst = canonicalOf.Values
            .GroupBy(r => r.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.OrderByDescending(r => r.Words.Length).Select(r => new CanonicalSpelling(r.Words[1..], r.Canonical)).ToArray(),
                StringComparer.Ordinal);
        return new CanonicalSpellings(byFirst);
    }
}
