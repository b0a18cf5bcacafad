using HonchoBot.Core.Claims.Lexicon;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Extraction;

/// <summary>The period a clause speaks of.</summary>
internal static class TimeReader
{
    /// <summary>
    /// Onset and armistice cues, then an explicit date, then a whole-war cue; from the clause, else from earlier in
    /// its sentence ("When the armistice was signed, …, while …").
    /// </summary>
    public static TimeScope? For(TaggedText doc, ClaimLexicon lexicon, Segment clause, Segment sentence) =>
        In(doc, lexicon, clause.Start, clause.End) ?? In(doc, lexicon, sentence.Start, clause.Start);

    private static TimeScope? In(TaggedText doc, ClaimLexicon lexicon, int start, int end)
    {
        TimeScope? whole = null;
        foreach (var cue in doc.TimeCues)
        {
            if (cue.Start < start || cue.End > end)
            {
                continue;
            }

            switch (cue.Value)
            {
                case TimeCue.Onset:
                    return new TimeScope(TimeScopeKind.Onset, lexicon.WarFrom, lexicon.WarFrom);
                case TimeCue.End:
                    return new TimeScope(TimeScopeKind.Whole, lexicon.WarFrom, lexicon.WarTo);
                default:
                    whole ??= new TimeScope(TimeScopeKind.Whole, lexicon.WarFrom, lexicon.WarTo);
                    break;
            }
        }

        foreach (var date in doc.Dates)
        {
            if (date.Start >= start && date.End <= end)
            {
                return date.Scope;
            }
        }

        return whole;
    }
}
