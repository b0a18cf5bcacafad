using System.Collections.Frozen;

namespace HonchoBot.Core.Claims.Text;

/// <summary>
/// A lexicon's phrases by their first token (case aside), each group in the lexicon's order: which phrases could
/// match at a token, found with one lookup instead of trying every phrase at every token of every passage.
/// </summary>
internal sealed class PhraseStarts<T>
{
    private readonly T[] _all;
    private readonly bool _someEmpty;
    private readonly FrozenDictionary<string, T[]>.AlternateLookup<ReadOnlySpan<char>> _byFirst;

    public PhraseStarts(T[] phrases, Func<T, string[]> tokensOf)
    {
        _all = phrases;

        // A phrase of no tokens matches anywhere: then every phrase is a candidate everywhere, as when trying all.
        _someEmpty = phrases.Any(p => tokensOf(p).Length == 0);
        _byFirst = phrases
            .Where(p => tokensOf(p).Length > 0)
            .GroupBy(p => tokensOf(p)[0], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The phrases whose first token is <paramref name="token"/> (case aside), in the lexicon's order.</summary>
    public ReadOnlySpan<T> StartingWith(ReadOnlySpan<char> token) =>
        _someEmpty ? _all : _byFirst.TryGetValue(token, out var phrases) ? phrases : [];
}
