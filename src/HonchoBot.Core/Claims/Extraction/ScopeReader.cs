using System.Globalization;
using HonchoBot.Core.Claims.Lexicon;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Extraction;

/// <summary>The war, battle and moment a claim is limited to.</summary>
internal static class ScopeReader
{
    /// <summary>
    /// Another war named in the clause ("in World War II"), else earlier in the sentence when the clause does not
    /// bring the figure back to this war; else the war whose span holds the claim's period.
    /// </summary>
    public static WarInfo? War(TaggedText doc, ClaimLexicon lexicon, Segment clause, Segment sentence, int anchor, TimeScope? time)
    {
        if (HitLists.FirstIn(doc.Wars, clause.Start, clause.End) is { } inClause)
        {
            return inClause.Value;
        }

        var backToThisWar = HitLists.AnyIn(doc.TimeCues, clause.Start, clause.End)
            || doc.Places.Any(p => p.Start >= clause.Start && p.End <= clause.End && p.Value.Parent is null);
        if (!backToThisWar && HitLists.LastBefore(doc.Wars, sentence.Start, anchor, _ => true) is { } earlier)
        {
            return earlier.Value;
        }

        if (time is { Kind: TimeScopeKind.Period })
        {
            return Array.Find(lexicon.Wars, w => time.From >= w.From && time.To <= w.To);
        }

        return null;
    }

    /// <summary>
    /// The battle or raid: a listed nickname (keyed by its day when the lexicon knows it), an operation named in the
    /// text, a day in the clause (keyed by that day, or "?" without a year), or an undated engagement ("?").
    /// </summary>
    public static string? Episode(TaggedText doc, ClaimLexicon lexicon, Segment clause, Segment sentence, int anchor, int countedStart, int countedEnd)
    {
        var named = HitLists.FirstIn(doc.EpisodeNames, clause.Start, clause.End)
            ?? HitLists.LastBefore(doc.EpisodeNames, sentence.Start, anchor, _ => true);
        if (named is { } n)
        {
            return n.Value.Day is { } day ? DayKey(day.Year, day.Month, day.Day) : n.Value.Id;
        }

        if (FrameCues.UnitIn(doc.Episodes, clause, sentence, anchor) is { } operation)
        {
            return operation.Key;
        }

        // A figure dated to one day is that day's engagement, not a total ("On June 27 … shot down three of them"),
        // unless the date closes a running total ("by 27 July 1953").
        var dated = doc.DayDates.FirstOrDefault(d => d.Start >= clause.Start && d.End <= clause.End && !IsCumulative(doc, lexicon, d.Start));
        if (dated.End > 0)
        {
            return dated.Date is { Year: { } y, Month: { } m, Day: { } d } ? DayKey(y, m, d) : ClaimScope.UnknownEpisode;
        }

        var engagement = doc.Engagements.FirstOrDefault(e => e.Start >= clause.Start && e.End <= clause.End
            && !(e.Start < countedEnd && e.End > countedStart) && !doc.Text.AsSpan(e.Start, e.End - e.Start).EndsWith("s", StringComparison.OrdinalIgnoreCase));
        return engagement.End == 0 ? null : ClaimScope.UnknownEpisode;
    }

    private static bool IsCumulative(TaggedText doc, ClaimLexicon lexicon, int dateStart)
    {
        var k = doc.Tokens.TokenAt(dateStart) - 1;
        return k >= 0 && lexicon.CumulativeDatePrepositions.Contains(doc.Tokens.Span(doc.Tokens.Tokens[k]).ToString());
    }

    /// <summary>
    /// A tally pinned to a moment told elsewhere ("that morning"), or any figure of a sentence that tells a running
    /// total ("rewarded with two kills, bringing his total to six").
    /// </summary>
    public static bool IsMoment(TaggedText doc, Segment clause, Segment sentence) =>
        doc.TimeAnaphora.Any(h => h.Start >= sentence.Start && h.End <= clause.End)
        || doc.RunningTotals.Any(h => h.Start >= sentence.Start && h.End <= sentence.End);

    private static string DayKey(int year, int month, int day) =>
        string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}");
}
