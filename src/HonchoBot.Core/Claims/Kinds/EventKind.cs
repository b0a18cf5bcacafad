using System.Globalization;
using HonchoBot.Core.Claims.Extraction;
using HonchoBot.Core.Claims.Lexicon;
using HonchoBot.Core.Claims.Questions;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Kinds;

/// <summary>
/// Dates of events: a cue ("first", "debut"), the counted thing next to it and a month or year in the same clause
/// ("The first MiG-15 combat patrols in the Korean theater began in November 1950"). Two dates of one event
/// conflict when their periods do not overlap.
/// </summary>
internal sealed class EventKind(ClaimLexicon lexicon) : IClaimKind
{
    public ClaimKind Kind => ClaimKind.Event;

    public void Extract(TaggedText doc, List<Claim> claims)
    {
        var seen = new HashSet<(string, int)>();
        foreach (var cue in doc.Events)
        {
            var clause = doc.Tokens.ClauseOf(cue.Start);
            DateHit? date = null;
            foreach (var d in doc.Dates)
            {
                if (d.Start >= clause.Start && d.End <= clause.End && d.Scope.Kind == TimeScopeKind.Period && d.Scope.From / 100 == d.Scope.To / 100)
                {
                    date = d;
                    break;
                }
            }

            TermHit<ThingInfo>? thing = null;
            var bestDistance = 4;
            foreach (var t in doc.Things)
            {
                if (t.Start < clause.Start || t.End > clause.End)
                {
                    continue;
                }

                var distance = t.End <= cue.Start ? doc.TokensBetween(t.End, cue.Start) : doc.TokensBetween(cue.End, t.Start);
                if (distance < bestDistance)
                {
                    thing = t;
                    bestDistance = distance;
                }
            }

            if (date is not { } when || thing is not { } th || !seen.Add((cue.Value.Id, th.Start)))
            {
                continue;
            }

            TermHit<SideTerm>? modifier = null;
            foreach (var s in doc.Sides)
            {
                if (s.End <= th.Start && s.Start >= clause.Start && doc.TokensBetween(s.End, th.Start) <= 1 && s.Value.Side is not null)
                {
                    modifier = s;
                }
            }

            var side = modifier?.Value.Side?.Actor ?? th.Value.Side;
            var place = HitLists.FirstIn(doc.Places, clause.Start, clause.End);
            var scope = when.Scope;
            var month = scope.From % 100;
            var value = scope.From == scope.To ? $"{lexicon.MonthNames[month]} {scope.From / 100}" : (scope.From / 100).ToString(CultureInfo.InvariantCulture);
            var statement = StatementSpan.Of(doc, clause, Math.Min(Math.Min(cue.Start, th.Start), when.Start), Math.Max(Math.Max(cue.End, th.End), when.End));
            claims.Add(new Claim
            {
                Kind = ClaimKind.Event,
                Start = statement.Start,
                End = statement.End,
                ValueStart = when.Start,
                ValueEnd = when.End,
                Value = value,
                Thing = th.Value.Id,
                Side = side?.Id,
                IsSideInferred = modifier is null && side is not null,
                Time = scope,
                Attribute = cue.Value.Id,
                AttributeValue = place?.Value.Id,
                Cues = [doc.Text[cue.Start..cue.End]],
            });
        }
    }

    /// <summary>
    /// Two dates for the same event of the same things: a conflict when the periods do not overlap. Sides must
    /// match as stated (all MiG-15s vs Chinese units is another event); an unnamed place matches any.
    /// </summary>
    public PairResult Compare(Claim a, Claim b)
    {
        if (a.Attribute is null || a.Attribute != b.Attribute || !lexicon.Events.TryGetValue(a.Attribute, out var ev)
            || a.Thing is null || b.Thing is null || a.Time is null || b.Time is null
            || !lexicon.Things.TryGetValue(a.Thing, out var ta) || !lexicon.Things.TryGetValue(b.Thing, out var tb)
            || Relations.Things(ta, tb) != Relation.Equal)
        {
            return PairResult.Unrelated;
        }

        var sa = a.Side is null ? null : lexicon.Sides.GetValueOrDefault(a.Side);
        var sb = b.Side is null ? null : lexicon.Sides.GetValueOrDefault(b.Side);
        if (Relations.Sides(sa, false, sb, false) != Relation.Equal
            || (a.AttributeValue is not null && b.AttributeValue is not null && a.AttributeValue != b.AttributeValue
                && !Relations.ValuesNested(a.AttributeValue, b.AttributeValue, lexicon)))
        {
            return PairResult.Unrelated;
        }

        if (a.Time.To >= b.Time.From && b.Time.To >= a.Time.From)
        {
            return PairResult.Compatible;
        }

        var topic = ev.Topic.Replace("{thing}", ta.Label, StringComparison.Ordinal);
        return new PairResult(PairVerdict.Conflict, topic, $"the sources give different dates for the {ev.Label}");
    }

    public bool IsAsked(QuestionFrame frame) => frame.Events.Count > 0;

    public bool IsRelevant(QuestionFrame frame, Claim claim)
    {
        if (claim.Attribute is null || !frame.Events.Contains(claim.Attribute) || claim.Thing is null
            || !lexicon.Things.TryGetValue(claim.Thing, out var eventThing))
        {
            return false;
        }

        return (frame.Things.Count == 0 || frame.Things.Any(t => Relations.Things(t, eventThing) != Relation.Disjoint))
            && (frame.Place is null || claim.AttributeValue is null || frame.Place == claim.AttributeValue
                || Relations.ValuesNested(frame.Place, claim.AttributeValue, lexicon));
    }

    public bool Answers(QuestionFrame frame, Claim a, Claim b) => true;
}
