namespace HonchoBot.Core.Claims;

// Functional attribute claims with exclusive values (disagreements.md §2.6): a cue, its side or place value and
// its subject.
public sealed partial class ClaimExtractor
{
    private void AddAttributes(TaggedText doc, List<Claim> claims)
    {
        if (doc.AttributeCues.Count == 0)
        {
            return;
        }

        // Pass 1: the value of every cue, so that one cue's value is never taken for another's subject.
        var values = new List<(TermHit<AttributeInfo> Cue, int ValueStart, int ValueEnd, SideInfo? Side, PlaceInfo? Place, bool IsOwn)>();
        foreach (var cue in doc.AttributeCues)
        {
            var attribute = cue.Value;
            var clause = doc.Tokens.ClauseOf(cue.Start);
            if (attribute.IsSideValued)
            {
                var own = LastBefore(doc.Own, clause.Start, cue.Start, h => doc.TokensBetween(h.End, cue.Start) <= 1);
                var side = LastBefore(doc.Sides, clause.Start, cue.Start, h => h.Value.Side is not null && doc.TokensBetween(h.End, cue.Start) <= 1);
                if (own is { } o && (side is null || o.Start > side.Value.Start))
                {
                    values.Add((cue, o.Start, o.End, null, null, true));
                }
                else if (side is { } sv)
                {
                    values.Add((cue, sv.Start, sv.End, sv.Value.Side!.Actor, null, false));
                }
                else if (FirstIn(doc.Sides, cue.End, clause.End) is { } after && after.Value.Side is not null
                    && doc.Tokens.Is(doc.Tokens.TokenAt(cue.End), "of") && doc.TokensBetween(cue.End, after.Start) <= 2)
                {
                    values.Add((cue, after.Start, after.End, after.Value.Side.Actor, null, false));
                }
            }
            else if (FirstIn(doc.Places, cue.End, clause.End) is { } place && doc.TokensBetween(cue.End, place.Start) <= 4)
            {
                values.Add((cue, place.Start, place.End, null, place.Value, false));
            }
        }

        var valueStarts = values.Select(v => v.ValueStart).ToHashSet();
        var seen = new HashSet<(string, string, int)>();
        foreach (var (cue, valueStart, valueEnd, valueSide, valuePlace, isOwn) in values)
        {
            var attribute = cue.Value;
            var clause = doc.Tokens.ClauseOf(cue.Start);
            var sentence = doc.Tokens.SentenceOf(cue.Start);
            var noRegion = (Start: valueStart, End: valueEnd);
            var subject = FirstSide(doc, clause.Start, cue.Start, noRegion, valueStarts)
                ?? FirstSide(doc, sentence.Start, clause.Start, noRegion, valueStarts);
            var subjectSide = subject?.Value.Side?.Actor;
            var unit = UnitIn(doc, clause, sentence, cue.Start);
            if ((attribute.RequiresUnit && unit is null) || (subjectSide is null && unit is null))
            {
                continue;
            }

            string valueId, valueLabel;
            if (isOwn)
            {
                if (subjectSide is null)
                {
                    continue;
                }

                (valueId, valueLabel) = (subjectSide.Id, subjectSide.Label);
            }
            else if (valueSide is not null)
            {
                (valueId, valueLabel) = (valueSide.Id, valueSide.Label);
            }
            else
            {
                (valueId, valueLabel) = (valuePlace!.Id, valuePlace.Label);
            }

            var cues = new List<string>(2);
            var isNegated = false;
            foreach (var neg in doc.Negation)
            {
                if (neg.Start >= clause.Start && neg.End <= cue.Start && doc.TokensBetween(neg.End, cue.Start) <= 8
                    && doc.Text.AsSpan(neg.End, cue.Start - neg.End).IndexOfAny(',', ';') < 0)
                {
                    isNegated = true;
                    cues.Add(doc.Text[neg.Start..neg.End]);
                }
            }

            var phase = ClaimPhase.None;
            if (FirstIn(doc.Change, clause.Start, clause.End) is { } change)
            {
                phase = change.Value;
                cues.Add(doc.Text[change.Start..change.End]);
            }

            var isRebutted = FirstIn(doc.Rebuttal, sentence.Start, sentence.End) is { } rebuttal && Add(cues, doc.Text[rebuttal.Start..rebuttal.End]);
            var mustStart = Math.Min(cue.Start, valueStart);
            var statement = Statement(doc, clause, mustStart, Math.Max(cue.End, valueEnd));
            if (!seen.Add((attribute.Id, valueId, statement.Start)))
            {
                continue;
            }

            claims.Add(new Claim
            {
                Kind = ClaimKind.Attribute,
                Start = statement.Start,
                End = statement.End,
                ValueStart = valueStart,
                ValueEnd = valueEnd,
                Value = valueLabel,
                Side = subjectSide?.Id,
                Time = TimeFor(doc, clause, sentence),
                Scope = unit is { } u ? ["unit:" + u.Key] : [],
                Phase = phase,
                Cues = cues,
                IsNegated = isNegated,
                IsRebutted = isRebutted,
                Attribute = attribute.Id,
                AttributeValue = valueId,
            });
        }
    }
}
