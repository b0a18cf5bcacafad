namespace HonchoBot.Core.Claims;

// Reading the period a clause speaks of (disagreements.md §2.4).
public sealed partial class ClaimExtractor
{
    /// <summary>
    /// The period a clause speaks of (disagreements.md §2.4): onset and armistice cues, then an explicit date, then a
    /// whole-war cue; from the clause, else from earlier in its sentence ("When the armistice was signed, …, while …").
    /// </summary>
    internal TimeScope? TimeFor(TaggedText doc, Segment clause, Segment sentence) =>
        TimeIn(doc, clause.Start, clause.End) ?? TimeIn(doc, sentence.Start, clause.Start);

    private TimeScope? TimeIn(TaggedText doc, int start, int end)
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
