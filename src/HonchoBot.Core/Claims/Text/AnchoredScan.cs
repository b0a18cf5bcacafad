using System.Text.RegularExpressions;

namespace HonchoBot.Core.Claims.Text;

/// <summary>
/// A regex whose every match starts where one of a known set of words starts (a date starts at a preposition, a
/// month or a year): tried, anchored, only at those words, instead of at every character of the text. Finds
/// exactly what a scan of the whole text finds (<see cref="Scan"/>, the reference), because a match can start
/// nowhere else and the starts are tried left to right, resuming after each match as a scan does.
/// </summary>
internal sealed class AnchoredScan
{
    private readonly Regex _anchored;
    private readonly HashSet<string> _firstWords;
    private readonly FirstWordIndex _index;
    private readonly int _slot;

    /// <param name="firstWords">
    /// Every word (lower-case, as <see cref="TextWords"/> files them) a match can start with. The caller vouches
    /// for it: a match starting at any other word would be missed.
    /// </param>
    public AnchoredScan(string pattern, RegexOptions options, TimeSpan timeout, IEnumerable<string> firstWords, FirstWordIndex index)
    {
        Scan = new Regex(pattern, options, timeout);
        _anchored = new Regex($@"\G(?:{pattern})", options, timeout);
        _firstWords = new HashSet<string>(firstWords, StringComparer.Ordinal);
        _index = index;
        _slot = index.Register(_firstWords);
    }

    /// <summary>The plain regex, scanning the whole text.</summary>
    public Regex Scan { get; }

    /// <summary>Every match in <paramref name="text"/>, whose words are <paramref name="words"/>, in order.</summary>
    public List<Match> Matches(string text, TextWords words)
    {
        var matches = new List<Match>();
        var resumeAt = 0;
        foreach (var start in words.StartsOf(_firstWords, _index, _slot))
        {
            if (start < resumeAt)
            {
                continue;
            }

            var match = _anchored.Match(text, start);
            if (match.Success)
            {
                matches.Add(match);
                resumeAt = match.Index + Math.Max(1, match.Length);
            }
        }

        return matches;
    }
}
