using System.Globalization;
using HonchoBot.Core.Claims.Extraction;
using HonchoBot.Core.Claims.Lexicon;
using HonchoBot.Core.Claims.Questions;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Kinds;

/// <summary>
/// Dates of events that happen once: of a thing ("The first MiG-15 combat patrols … began in November 1950") or of
/// a person ("McConnell crashed to his death on Aug. 25, 1954"; "the first jet battle … with Lt. Russell Brown").
/// One event is the same event type about the same thing or person; its dates conflict when no day fits both.
/// </summary>
internal sealed class EventKind(ClaimLexicon lexicon) : IClaimKind
{
    public ClaimKind Kind => ClaimKind.Event;

    public void Extract(TaggedText doc, List<Claim> claims)
    {
        // An ordinal that opens a person's event ("the first … battle with Lt. Brown") is not a thing's debut.
        var taken = ExtractPersonEvents(doc, claims);
        ExtractThingEvents(doc, claims, taken);
    }

    /// <summary>A cue, the counted thing next to it and a month or year in the same clause.</summary>
    private void ExtractThingEvents(TaggedText doc, List<Claim> claims, HashSet<int> taken)
    {
        var seen = new HashSet<(string, int)>();
        foreach (var cue in doc.Events)
        {
            if (taken.Contains(cue.Start))
            {
                continue;
            }

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
    /// A cue, the person it happened to (named or a pronoun) and a date in the same clause or sentence. Returns where
    /// the ordinals of the events found start.
    /// </summary>
    private HashSet<int> ExtractPersonEvents(TaggedText doc, List<Claim> claims)
    {
        var taken = new HashSet<int>();
        var seen = new HashSet<(string, string)>();
        foreach (var cue in PersonEvents.In(doc))
        {
            var clause = doc.Tokens.ClauseOf(cue.Start);
            var sentence = doc.Tokens.SentenceOf(cue.Start);
            var cues = ClauseCues.Read(doc, clause, sentence, cue.Start, maxNegationGap: 4, negationStopsAtComma: true);
            var person = PersonFinder.Before(doc, cue.Start, sentence, []) ?? PersonFinder.After(doc, cue.End, clause);
            var anchor = cue.Value.IsAnchored ? TallyAnchors.In(doc, lexicon, sentence) : null;
            if (cues.IsNegated || person is not { } who || !seen.Add((cue.Value.Id, who.Key)))
            {
                continue;
            }

            // "After claiming his ninth victory, he was shot down": placed in his tally rather than dated.
            if (anchor is { } a)
            {
                var span = new Segment(Math.Min(clause.Start, a.Start), Math.Max(clause.End, a.End));
                var anchored = StatementSpan.Of(doc, span, Math.Min(Math.Min(cue.Start, who.Start), a.Start), Math.Max(cue.End, who.End));
                claims.Add(new Claim
                {
                    Kind = ClaimKind.Event,
                    Start = anchored.Start,
                    End = anchored.End,
                    ValueStart = a.Start,
                    ValueEnd = a.End,
                    Value = a.Label,
                    Low = a.Low,
                    High = a.High,
                    Person = who.Key,
                    PersonName = who.Name,
                    Attribute = cue.Value.Id,
                    Cues = [.. cues.Words, doc.Text[cue.Start..cue.End]],
                    IsRebutted = cues.IsRebutted,
                });
                continue;
            }

            if (DateNear(doc, clause, sentence, cue.Start) is not { } when)
            {
                seen.Remove((cue.Value.Id, who.Key));
                continue;
            }

            if (cue.Value.Ordinal is { } ordinal && PersonEvents.OrdinalBefore(doc, cue.Start, ordinal) is { } k)
            {
                taken.Add(doc.Tokens.Tokens[k].Start);
            }

            var statement = StatementSpan.Of(doc, clause, Math.Min(Math.Min(cue.Start, who.Start), when.Start), Math.Max(Math.Max(cue.End, who.End), when.End));
            claims.Add(new Claim
            {
                Kind = ClaimKind.Event,
                Start = statement.Start,
                End = statement.End,
                ValueStart = when.Start,
                ValueEnd = when.End,
                Value = when.Date.Format(lexicon.MonthNames),
                Person = who.Key,
                PersonName = who.Name,
                Date = when.Date,
                Attribute = cue.Value.Id,
                Cues = [.. cues.Words, doc.Text[cue.Start..cue.End]],
                IsRebutted = cues.IsRebutted,
            });
        }

        return taken;
    }

    /// <summary>
    /// The date nearest the cue in its clause, else earlier in its sentence ("On Aug. 25, 1954, …, and he …"): a day
    /// if one is given, else a month or year. A date in a later clause is another event's ("… but … the next day, Nov. 9").
    /// </summary>
    private static DayDate? DateNear(TaggedText doc, Segment clause, Segment sentence, int anchor)
    {
        foreach (var span in new[] { clause, new Segment(sentence.Start, clause.Start) })
        {
            var days = doc.DayDates.Where(d => d.Start >= span.Start && d.End <= span.End).ToList();
            var periods = doc.Dates.Where(d => d.Start >= span.Start && d.End <= span.End && d.Scope.Kind == TimeScopeKind.Period
                && d.Scope.From / 100 == d.Scope.To / 100 && !days.Any(x => x.Start < d.End && d.Start < x.End)).ToList();
            var candidates = days.Concat(periods.Select(p => new DayDate(p.Start, p.End, PeriodDate(p.Scope)))).ToList();
            if (candidates.Count > 0)
            {
                // The most precise date wins ("on Nov. 8 … that day in 1950" is 8 November 1950), then the nearest.
                return candidates.OrderBy(d => d.Date.Day is null).ThenBy(d => d.Date.Month is null).ThenBy(d => Math.Abs(d.Start - anchor)).First();
            }
        }

        return null;
    }

    private static ClaimDate PeriodDate(TimeScope scope) =>
        scope.From == scope.To ? new ClaimDate(scope.From / 100, scope.From % 100, null)
        : new ClaimDate(scope.From / 100, null, null);

    public PairResult Compare(Claim a, Claim b)
    {
        if (a.Attribute is null || a.Attribute != b.Attribute || !lexicon.Events.TryGetValue(a.Attribute, out var ev))
        {
            return PairResult.Unrelated;
        }

        return ev.IsAboutPerson ? ComparePersonEvents(a, b, ev) : CompareThingEvents(a, b, ev);
    }

    /// <summary>
    /// The same event of the same person: a conflict when no day fits both dates, or when both place it in his
    /// tally and the places do not overlap.
    /// </summary>
    private static PairResult ComparePersonEvents(Claim a, Claim b, EventInfo ev)
    {
        if (a.Person is null || a.Person != b.Person)
        {
            return PairResult.Unrelated;
        }

        var topic = ev.Topic.Replace("{subject}", a.PersonName ?? b.PersonName ?? a.Person, StringComparison.Ordinal);
        if (a.Date is not null && b.Date is not null)
        {
            return a.Date.IsCompatibleWith(b.Date) ? PairResult.Compatible
                : new PairResult(PairVerdict.Conflict, topic, $"the sources give different dates for the {ev.Label}");
        }

        if (a.High is not null && b.High is not null)
        {
            return !Relations.Below(a, b) && !Relations.Below(b, a) ? PairResult.Compatible
                : new PairResult(PairVerdict.Conflict, topic, $"the sources place the {ev.Label} at different points of {a.PersonName ?? b.PersonName}'s tally");
        }

        return PairResult.Unrelated;
    }

    /// <summary>
    /// Two dates for the same event of the same things: a conflict when the periods do not overlap. Sides must
    /// match as stated (all MiG-15s vs Chinese units is another event); an unnamed place matches any.
    /// </summary>
    private PairResult CompareThingEvents(Claim a, Claim b, EventInfo ev)
    {
        if (a.Thing is null || b.Thing is null || a.Time is null || b.Time is null
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

        var topic = ev.Topic.Replace("{subject}", ta.Label, StringComparison.Ordinal);
        return new PairResult(PairVerdict.Conflict, topic, $"the sources give different dates for the {ev.Label}");
    }

    public bool IsAsked(QuestionFrame frame) => frame.Events.Count > 0 && (frame.AsksDate || frame.AsksTally);

    public bool IsRelevant(QuestionFrame frame, Claim claim)
    {
        if (claim.Attribute is null || !frame.Events.Contains(claim.Attribute) || !lexicon.Events.TryGetValue(claim.Attribute, out var ev))
        {
            return false;
        }

        if (ev.IsAboutPerson)
        {
            return claim.Person is not null && (frame.Persons.Count == 0 || frame.Persons.Contains(claim.Person));
        }

        if (claim.Thing is null || !lexicon.Things.TryGetValue(claim.Thing, out var eventThing))
        {
            return false;
        }

        return (frame.Things.Count == 0 || frame.Things.Any(t => Relations.Things(t, eventThing) != Relation.Disjoint))
            && (frame.Place is null || claim.AttributeValue is null || frame.Place == claim.AttributeValue
                || Relations.ValuesNested(frame.Place, claim.AttributeValue, lexicon));
    }

    public bool Answers(QuestionFrame frame, Claim a, Claim b) => true;
}
