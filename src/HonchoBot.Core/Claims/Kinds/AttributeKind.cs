using HonchoBot.Core.Claims.Extraction;
using HonchoBot.Core.Claims.Lexicon;
using HonchoBot.Core.Claims.Questions;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Kinds;

/// <summary>
/// Functional attributes with exclusive values: a cue ("insignia", "based at"), its side or place value and its
/// subject (a side, or a named unit). Two values for one subject conflict unless one contains the other, a
/// negation denies the other, or a change cue says the value changed over time.
/// </summary>
internal sealed class AttributeKind(ClaimLexicon lexicon) : IClaimKind
{
    public ClaimKind Kind => ClaimKind.Attribute;

    public void Extract(TaggedText doc, List<Claim> claims)
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
                var own = HitLists.LastBefore(doc.Own, clause.Start, cue.Start, h => doc.TokensBetween(h.End, cue.Start) <= 1);
                var side = HitLists.LastBefore(doc.Sides, clause.Start, cue.Start, h => h.Value.Side is not null && doc.TokensBetween(h.End, cue.Start) <= 1);
                if (own is { } o && (side is null || o.Start > side.Value.Start))
                {
                    values.Add((cue, o.Start, o.End, null, null, true));
                }
                else if (side is { } sv)
                {
                    values.Add((cue, sv.Start, sv.End, sv.Value.Side!.Actor, null, false));
                }
                else if (HitLists.FirstIn(doc.Sides, cue.End, clause.End) is { } after && after.Value.Side is not null
                    && doc.Tokens.Is(doc.Tokens.TokenAt(cue.End), "of") && doc.TokensBetween(cue.End, after.Start) <= 2)
                {
                    values.Add((cue, after.Start, after.End, after.Value.Side.Actor, null, false));
                }
            }
            else if (HitLists.FirstIn(doc.Places, cue.End, clause.End) is { } place && doc.TokensBetween(cue.End, place.Start) <= 4)
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
            var subject = SideFinder.FirstSide(doc, clause.Start, cue.Start, noRegion, valueStarts)
                ?? SideFinder.FirstSide(doc, sentence.Start, clause.Start, noRegion, valueStarts);
            var subjectSide = subject?.Value.Side?.Actor;
            var unit = FrameCues.UnitIn(doc.Units, clause, sentence, cue.Start);
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

            var cues = ClauseCues.Read(doc, clause, sentence, cue.Start, maxNegationGap: 8, negationStopsAtComma: true);
            var statement = StatementSpan.Of(doc, clause, Math.Min(cue.Start, valueStart), Math.Max(cue.End, valueEnd));
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
                Time = TimeReader.For(doc, lexicon, clause, sentence),
                Scope = unit is { } u ? new ClaimScope { Unit = u.Key } : ClaimScope.None,
                Phase = cues.Phase,
                Cues = cues.Words,
                IsNegated = cues.IsNegated,
                IsRebutted = cues.IsRebutted,
                Attribute = attribute.Id,
                AttributeValue = valueId,
            });
        }
    }

    public PairResult Compare(Claim a, Claim b)
    {
        if (a.Attribute is null || a.Attribute != b.Attribute || !lexicon.Attributes.TryGetValue(a.Attribute, out var attribute))
        {
            return PairResult.Unrelated;
        }

        var unitA = a.Scope.Unit;
        if (unitA != b.Scope.Unit || a.Side != b.Side)
        {
            return PairResult.Unrelated;
        }

        var subject = unitA is not null ? UnitKeys.Label(unitA) : a.Side is not null && lexicon.Sides.TryGetValue(a.Side, out var side) ? side.Label : "";
        var topic = attribute.Topic.Replace("{subject}", subject, StringComparison.Ordinal);
        var sameValue = a.AttributeValue == b.AttributeValue || Relations.ValuesNested(a.AttributeValue, b.AttributeValue, lexicon);
        if (sameValue)
        {
            if (a.IsNegated == b.IsNegated)
            {
                return PairResult.Compatible;
            }

            var affirmed = a.IsNegated ? b : a;
            return new PairResult(PairVerdict.Conflict, topic, $"one source affirms {affirmed.Value} {attribute.Label}, the other denies it");
        }

        if (a.IsNegated || b.IsNegated)
        {
            return PairResult.Compatible;
        }

        if (a.Phase != b.Phase || (a.Time is { Kind: not TimeScopeKind.Whole } && b.Time is { Kind: not TimeScopeKind.Whole } && !Relations.SameTime(a.Time, b.Time)))
        {
            var cue = a.Phase != b.Phase ? Relations.PhaseCue(a, b) : "different dates";
            return new PairResult(PairVerdict.ChangeOverTime, topic, $"the {attribute.Label} may have changed over time (“{cue}”)");
        }

        return new PairResult(PairVerdict.Conflict, topic, $"the sources name different {attribute.Label}: {a.Value} vs {b.Value}");
    }

    public bool IsAsked(QuestionFrame frame) => frame.Attributes.Count > 0;

    public bool IsRelevant(QuestionFrame frame, Claim claim)
    {
        if (claim.Attribute is null || !frame.Attributes.Contains(claim.Attribute))
        {
            return false;
        }

        if (frame.Subject is not null && claim.Side is not null && lexicon.Sides.TryGetValue(claim.Side, out var subject)
            && Relations.Sides(frame.Subject, false, subject, false) == Relation.Disjoint)
        {
            return false;
        }

        return frame.Unit is null || claim.Scope.Unit is not { } u || u == frame.Unit;
    }

    public bool Answers(QuestionFrame frame, Claim a, Claim b) => true;
}
