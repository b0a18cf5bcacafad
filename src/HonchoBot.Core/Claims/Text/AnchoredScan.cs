using System.Text.RegularExpressions;

namespace HonchoBot.Core.Claims.Text;

/// <summary>
/// A regex whose every match starts where one of a known set of words starts (a term at its first word, a date at
/// a preposition, a month or a year): tried, anchored, only at those words, instead of at every character of the
/// text. Finds exactly what a scan of the whole text finds (<see cref="Scan"/>, the reference), because a match can
/// start nowhere else and the starts are tried left to right, resuming after each match as a scan does.
/// </summary>
internal sealed class AnchoredScan
{
    private readonly Regex _anchored;
    private readonly Lazy<Regex> _scan;
    private readonly HashSet<string> _firstWords;
    private readonly FirstWordIndex? _index;
    private readonly int _slot;

    /// <param name="firstWords">
    /// Every word (lower-case, as <see cref="TextWords"/> files them) a match can start with. The caller vouches
    /// for it: a match starting at any other word would be missed.
    /// </param>
    /// <param name="index">The lexicon's first-word index, to register in; null to look the words up in each text.</param>
    public AnchoredScan(string pattern, RegexOptions options, TimeSpan timeout, IEnumerable<string> firstWords, FirstWordIndex? index)
    {
        _anchored = new Regex($@"\G(?:{pattern})", options, timeout);
        _scan = new Lazy<Regex>(() => new Regex(pattern, options, timeout));
        _firstWords = new HashSet<string>(firstWords, StringComparer.Ordinal);
        _index = index;
        _slot = index?.Register(_firstWords) ?? 0;
    }

    /// <summary>The plain regex, scanning the whole text (compiled when first asked for).</summary>
    public Regex Scan => _scan.Value;

    /// <summary>Every match in <paramref name="text"/>, whose words are <paramref name="words"/>, in order.</summary>
    public List<Match> Matches(string text, TextWords words)
    {
        var matches = new List<Match>();
        TryEachStart(words, start =>
        {
            var match = _anchored.Match(text, start);
            if (!match.Success)
            {
                return -1;
            }

            matches.Add(match);
            return match.Index + Math.Max(1, match.Length);
        });
        return matches;
    }

    /// <summary>Where each match is, in order: for callers that need no groups (nothing is allocated per try).</summary>
    public List<(int Start, int Length)> Spans(string text, TextWords words)
    {
        var spans = new List<(int Start, int Length)>();
        TryEachStart(words, start =>
        {
            foreach (var match in _anchored.EnumerateMatches(text, start))
            {
                // Anchored: at most one match, at start.
                spans.Add((match.Index, match.Length));
                return match.Index + Math.Max(1, match.Length);
            }

            return -1;
        });
        return spans;
    }

    /// <summary>
    /// Tries each start left to right, skipping those inside the last match; <paramref name="tryAt"/> returns where a
    /// match found there ends, or -1.
    /// </summary>
    private void TryEachStart(TextWords words, Func<int, int> tryAt)
    {
        var resumeAt = 0;
        foreach (var start in words.StartsOf(_firstWords, _index, _slot))
        {
            if (start >= resumeAt && tryAt(start) is var end and >= 0)
            {
                resumeAt = end;
            }
        }
    }
}
