using HonchoBot.Core.Claims.Extraction;
using HonchoBot.Core.Claims.Lexicon;
using HonchoBot.Core.Claims.Questions;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Kinds;

/// <summary>
/// Counted figures: an interval, what it counts, whose things they are, the measure, the period, the scope and the
/// epistemic status. Only a functional slot can contradict: the same measure group, related counted things, aligned
/// sides, the same period and scope; then claims against records is a different measure, "initially/eventually" is
/// a change over time, and only disjoint intervals (vague ones by a factor of two) are a conflict.
/// </summary>
internal sealed class QuantityKind(ClaimLexicon lexicon) : IClaimKind
{
    public ClaimKind Kind => ClaimKind.Quantity;

    public void Extract(TaggedText doc, List<Claim> claims)
    {
        var atoms = QuantityScanner.Scan(doc.Tokens, lexicon);
        if (atoms.Count == 0)
        {
            return;
        }

        var counted = new CountedThing?[atoms.Count];
        var countedStarts = new HashSet<int>();
        for (var i = 0; i < atoms.Count; i++)
        {
            counted[i] = NounPhrases.CountedBy(doc, lexicon, atoms, i);
            if (counted[i] is { Hit: { } hit })
            {
                countedStarts.Add(hit.Start);
            }
        }

        for (var i = 0; i < atoms.Count; i++)
        {
            if (counted[i] is { } thing && Build(doc, atoms[i], thing, countedStarts) is { } claim)
            {
                claims.Add(claim);
            }
        }
    }

    private Claim? Build(TaggedText doc, Atom atom, CountedThing found, HashSet<int> countedStarts)
    {
        var clause = doc.Tokens.ClauseOf(atom.Start);
        var sentence = doc.Tokens.SentenceOf(atom.Start);
        var thing = found.Thing;

        var measure = thing.DefaultMeasure is { } forced ? lexicon.Measures[forced] : found.Measure ?? FrameCues.NearestMeasure(doc, atom, clause);
        if (measure is null)
        {
            return null;
        }

        // Sides: a modifier of the counted thing ("enemy planes", "Chinese MiGs") wins; for kills the subject is the
        // attacker and the things belong to its opponent; otherwise the subject owns them.
        var modifierRegion = (Start: Math.Min(atom.End, found.Hit?.Start ?? atom.End), End: found.Hit?.Start ?? found.WindowEnd);
        var subject = SideFinder.FirstSide(doc, clause.Start, atom.Start, modifierRegion, exclude: null)
            ?? SideFinder.FirstSide(doc, sentence.Start, clause.Start, modifierRegion, exclude: null);
        var sideThing = SideFinder.SideThingBefore(doc, clause.Start, atom.Start, found.Hit);
        SideInfo? owner;
        var inferred = false;
        SideInfo? agent = null;
        if (measure.IsAttackerView)
        {
            agent = SideFinder.ByAgent(doc, lexicon, atom.End, clause.End) ?? subject?.Value.Side?.Actor ?? sideThing;
            if (found.Modifier is { Value.Side: { } mod })
            {
                owner = mod.Actor;
            }
            else
            {
                owner = found.Modifier is not null ? agent?.OpponentOf : thing.Side ?? agent?.OpponentOf;
                inferred = owner is not null;
            }
        }
        else if (found.Modifier is { Value.Side: { } mod })
        {
            owner = mod.Actor;
        }
        else if (subject?.Value.Side is { } subjectSide)
        {
            owner = subjectSide.Actor;
        }
        else
        {
            owner = sideThing ?? thing.Side;
            inferred = owner is not null;
        }

        var cues = ClauseCues.Read(doc, clause, sentence, atom.Start, maxNegationGap: 6, negationStopsAtComma: false);
        var mustStart = Math.Min(atom.Start, subject is { } s && s.Start >= clause.Start ? s.Start : atom.Start);
        var mustEnd = Math.Max(atom.End, found.Hit?.End ?? atom.End);
        var statement = StatementSpan.Of(doc, clause, mustStart, mustEnd);
        return new Claim
        {
            Kind = ClaimKind.Quantity,
            Start = statement.Start,
            End = statement.End,
            ValueStart = atom.Start,
            ValueEnd = atom.End,
            Value = atom.Value,
            Low = atom.Low,
            High = atom.High,
            IsLowExclusive = atom.IsLowExclusive,
            IsHighExclusive = atom.IsHighExclusive,
            IsApproximate = atom.IsApproximate,
            IsVague = atom.IsVague,
            Thing = thing.Id,
            Measure = measure.Id,
            Side = owner?.Id,
            IsSideInferred = owner is not null && inferred,
            Agent = agent?.Id,
            Time = TimeReader.For(doc, lexicon, clause, sentence),
            Scope = ScopeOf(doc, atom, measure, found, clause, sentence, countedStarts),
            Status = FrameCues.NearestStatus(doc, atom, clause, sentence) is var status and not ClaimStatus.Unknown ? status : measure.DefaultStatus,
            Phase = cues.Phase,
            Cues = cues.Words,
            IsNegated = cues.IsNegated,
            IsRebutted = cues.IsRebutted,
        };
    }

    private static ClaimScope ScopeOf(TaggedText doc, Atom atom, MeasureInfo measure, CountedThing found, Segment clause, Segment sentence, HashSet<int> countedStarts)
    {
        var cause = FrameCues.NearestScope(doc, atom, clause)?.Id
            ?? (measure.IsCauseFromAgent ? FrameCues.AgentScope(doc, clause, found.Hit, countedStarts) : null);

        // One pilot's tally is not a force total: compared only with other individual tallies.
        var per = HitLists.AnyIn(doc.PerUnit, clause.Start, clause.End) ? PerScope.Unit
            : HitLists.AnyIn(doc.PerPerson, clause.Start, atom.Start) ? PerScope.Individual
            : PerScope.None;
        return new ClaimScope
        {
            Cause = cause,
            Unit = FrameCues.UnitIn(doc.Units, clause, sentence, atom.Start)?.Key,
            Episode = FrameCues.UnitIn(doc.Episodes, clause, sentence, atom.Start)?.Key,
            Per = per,
            IsRate = HitLists.AnyIn(doc.Rate, clause.Start, clause.End),
            IsPeak = HitLists.AnyIn(doc.Peak, clause.Start, clause.End),
        };
    }

    public PairResult Compare(Claim a, Claim b)
    {
        if (a.IsNegated || b.IsNegated
            || a.Measure is null || b.Measure is null
            || !lexicon.Measures.TryGetValue(a.Measure, out var ma) || !lexicon.Measures.TryGetValue(b.Measure, out var mb)
            || ma.Group != mb.Group
            || a.Thing is null || b.Thing is null
            || !lexicon.Things.TryGetValue(a.Thing, out var ta) || !lexicon.Things.TryGetValue(b.Thing, out var tb))
        {
            return PairResult.Unrelated;
        }

        var thingRelation = Relations.Things(ta, tb);
        var sa = a.Side is null ? null : lexicon.Sides.GetValueOrDefault(a.Side);
        var sb = b.Side is null ? null : lexicon.Sides.GetValueOrDefault(b.Side);

        // Whose aircraft an attacker shot down is the attacker's attribution ("UN aircraft", "enemy planes"): against
        // the owner's own loss figure it aligns within the bloc, as an inferred side does.
        var looseA = a.IsSideInferred || (ma.IsAttackerView && !mb.IsAttackerView);
        var looseB = b.IsSideInferred || (mb.IsAttackerView && !ma.IsAttackerView);
        var sideRelation = Relations.Sides(sa, looseA, sb, looseB);
        if (thingRelation == Relation.Disjoint || sideRelation == Relation.Disjoint)
        {
            return PairResult.Unrelated;
        }

        if (!Relations.SameTime(a.Time, b.Time))
        {
            return PairResult.DifferentPeriod;
        }

        var sameMeasure = a.Measure == b.Measure;

        // Kill figures are the attacker's claims whatever the wording ("records credit … victories"): claim vs
        // record only separates measures when one side counts its own losses.
        var statusDiffers = IsClaimOrRecord(a.Status) && IsClaimOrRecord(b.Status) && a.Status != b.Status
            && !(ma.IsAttackerView && mb.IsAttackerView);
        if (a.Scope.Per != b.Scope.Per || a.Scope.IsRate != b.Scope.IsRate || a.Scope.IsPeak != b.Scope.IsPeak)
        {
            return PairResult.DifferentScope;
        }

        // One unit within all forces, or one battle within the whole war, is a nesting like MiG-15s within all
        // aircraft; two different units or battles are not comparable.
        var unitRelation = Relations.Nesting(a.Scope.Unit, b.Scope.Unit);
        var episodeRelation = Relations.Nesting(a.Scope.Episode, b.Scope.Episode);
        if (unitRelation == Relation.Disjoint || episodeRelation == Relation.Disjoint)
        {
            return PairResult.DifferentScope;
        }

        var causeA = a.Scope.Cause;
        var causeB = b.Scope.Cause;
        if (sameMeasure && !statusDiffers ? causeA != causeB : causeA is not null && causeB is not null && causeA != causeB)
        {
            return PairResult.DifferentScope;
        }

        // Nested slots (MiG-15s within all aircraft; Soviet within all communist forces) only contradict when the
        // part exceeds the whole.
        var broader = Relations.Combine(Relations.Combine(Relations.Combine(thingRelation, sideRelation), unitRelation), episodeRelation);
        switch (broader)
        {
            case Relation.Disjoint:
                return PairResult.DifferentScope;
            case Relation.FirstBroader when !Relations.Below(a, b):
            case Relation.SecondBroader when !Relations.Below(b, a):
                return PairResult.DifferentScope;
            case Relation.Equal when !Relations.Below(a, b) && !Relations.Below(b, a):
                return PairResult.Compatible;
        }

        var thingLabel = (thingRelation == Relation.SecondBroader ? tb : ta).Label;
        var sideForTopic = sideRelation == Relation.SecondBroader || (sa is null) ? sb : sa;
        if (sa is not null && sb is not null && sideRelation == Relation.Equal && sa != sb)
        {
            sideForTopic = sb.IsWithin(sa) ? sa : sa.IsWithin(sb) ? sb : sa.Root;
        }

        var topic = string.Join(' ', new[] { sideForTopic?.Label, thingLabel, ma.GroupTopic }.Where(s => !string.IsNullOrEmpty(s)));
        if (a.Phase != b.Phase)
        {
            return new PairResult(PairVerdict.ChangeOverTime, topic, $"the figures may describe different times (“{Relations.PhaseCue(a, b)}”)");
        }

        if (!sameMeasure || statusDiffers)
        {
            var note = $"{Describe(a, ma)} vs {Describe(b, mb)}";
            if (thingRelation != Relation.Equal)
            {
                note += $"; one counts {ta.Label}, the other {tb.Label}";
            }

            if (unitRelation != Relation.Equal)
            {
                note += $"; one covers the {UnitKeys.Label(a.Scope.Unit ?? b.Scope.Unit!)} only";
            }

            return new PairResult(PairVerdict.DifferentMeasure, topic, note);
        }

        var conflictNote = a.IsApproximate || b.IsApproximate || a.IsVague || b.IsVague
            ? "the sources give figures that do not overlap even allowing for rounding"
            : "the sources give different figures for the same count";
        return new PairResult(PairVerdict.Conflict, topic, conflictNote);
    }

    public bool IsAsked(QuestionFrame frame) => frame.MeasureGroups.Count > 0;

    public bool IsRelevant(QuestionFrame frame, Claim claim)
    {
        if (claim.Measure is null || !lexicon.Measures.TryGetValue(claim.Measure, out var measure) || !frame.MeasureGroups.Contains(measure.Group))
        {
            return false;
        }

        if (frame.IsAboutOnePerson != (claim.Scope.Per == PerScope.Individual))
        {
            return false;
        }

        if (frame.Time is not null && !Relations.SameTime(frame.Time, claim.Time))
        {
            return false;
        }

        if (claim.Thing is null || !lexicon.Things.TryGetValue(claim.Thing, out var thing))
        {
            return false;
        }

        if (frame.Things.Count > 0 && !frame.Things.Any(t => Relations.Things(t, thing) != Relation.Disjoint))
        {
            return false;
        }

        if (frame.Owner is not null && claim.Side is not null && lexicon.Sides.TryGetValue(claim.Side, out var side)
            && Relations.Sides(frame.Owner, frame.IsOwnerInferred, side, claim.IsSideInferred) == Relation.Disjoint)
        {
            return false;
        }

        if (frame.Cause is not null && claim.Scope.Cause is { } cause && cause != frame.Cause)
        {
            return false;
        }

        return frame.Unit is null || claim.Scope.Unit is not { } unit || unit == frame.Unit;
    }

    /// <summary>
    /// A pair of figures answers the question only if one of them counts the asked thing or something within it:
    /// two all-aircraft totals do not answer "how many B-29s were lost?", though each is related to it.
    /// </summary>
    public bool Answers(QuestionFrame frame, Claim a, Claim b)
    {
        if (frame.Things.Count == 0)
        {
            return true;
        }

        return Narrow(a) || Narrow(b);

        bool Narrow(Claim claim) =>
            claim.Thing is not null && lexicon.Things.TryGetValue(claim.Thing, out var thing)
            && frame.Things.Any(t => Relations.Things(t, thing) is Relation.Equal or Relation.FirstBroader);
    }

    private static bool IsClaimOrRecord(ClaimStatus status) => status is ClaimStatus.Claim or ClaimStatus.Record;

    private string Describe(Claim claim, MeasureInfo measure)
    {
        string? LabelOf(string? id) => id is not null && lexicon.Sides.TryGetValue(id, out var s) ? s.Label : null;
        var status = claim.Status switch
        {
            ClaimStatus.Claim => "claimed",
            ClaimStatus.Record => "recorded",
            ClaimStatus.Estimate => "estimated",
            _ => null,
        };
        if (measure.IsAttackerView)
        {
            var by = LabelOf(claim.Agent);
            return claim.Status == ClaimStatus.Record
                ? by is null ? "kills in records" : $"kills by {by} forces in records"
                : by is null ? "kills claimed" : $"kills claimed by {by} forces";
        }

        var owner = LabelOf(claim.Side);
        var what = status is null ? measure.Label : $"{measure.Label} {status}";
        return owner is null ? what : $"{what} for {owner} forces";
    }
}
