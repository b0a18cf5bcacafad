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
        // A number inside a thing's name ("MIG 15") is a designator, and one in a date ("23 October") a day, not a count.
        var atoms = QuantityScanner.Scan(doc.Tokens, lexicon)
            .Where(a => !doc.Things.Exists(t => a.Start < t.End && t.Start < a.End) && !doc.DayDates.Exists(d => a.Start < d.End && d.Start < a.End))
            .ToList();
        if (atoms.Count == 0)
        {
            return;
        }

        var counted = new CountedThing?[atoms.Count];
        var isPart = new bool[atoms.Count];
        var countedStarts = new HashSet<int>();
        for (var i = 0; i < atoms.Count; i++)
        {
            var earlier = i > 0 && doc.Tokens.SentenceOf(atoms[i - 1].Start) == doc.Tokens.SentenceOf(atoms[i].Start) ? counted[i - 1] : null;
            isPart[i] = earlier is not null && NounPhrases.IsPart(doc, lexicon, atoms[i]);
            counted[i] = NounPhrases.CountedBy(doc, lexicon, atoms, i, earlier, isPart[i]);
            if (counted[i] is { Hit: { } hit })
            {
                countedStarts.Add(hit.Start);
            }
        }

        var figures = atoms.Select(a => a.Start).ToList();
        var built = new List<Claim>();
        Claim? previous = null;
        for (var i = 0; i < atoms.Count; i++)
        {
            if (counted[i] is not { } thing)
            {
                continue;
            }

            var whole = isPart[i] && previous is not null && doc.Tokens.SentenceOf(previous.ValueStart) == doc.Tokens.SentenceOf(atoms[i].Start) ? previous : null;
            if (Build(doc, atoms[i], thing, countedStarts, figures, whole) is { } claim)
            {
                built.Add(claim);
                previous = claim;
            }
        }

        claims.AddRange(built.Select(c => built.Exists(other => IsOtherMeasureOfTheSameThings(c, other)) ? c with { IsContrastedInPassage = true } : c));
    }

    /// <summary>A kill claim and a loss figure (or the reverse) for related things of the same side.</summary>
    private bool IsOtherMeasureOfTheSameThings(Claim a, Claim b)
    {
        if (a.Measure is null || b.Measure is null || a.Thing is null || b.Thing is null || a.Person != b.Person
            || !lexicon.Measures.TryGetValue(a.Measure, out var ma) || !lexicon.Measures.TryGetValue(b.Measure, out var mb)
            || ma.Group != mb.Group || ma.IsAttackerView == mb.IsAttackerView
            || !lexicon.Things.TryGetValue(a.Thing, out var ta) || !lexicon.Things.TryGetValue(b.Thing, out var tb))
        {
            return false;
        }

        return Relations.Things(ta, tb) != Relation.Disjoint
            && Relations.Sides(Side(a.Side), true, Side(b.Side), true) != Relation.Disjoint;
    }

    /// <param name="whole">For a part ("of which 811 were MiGs"), the figure it is a part of: its frame carries over.</param>
    private Claim? Build(TaggedText doc, Atom atom, CountedThing found, HashSet<int> countedStarts, IReadOnlyList<int> figures, Claim? whole)
    {
        var clause = doc.Tokens.ClauseOf(atom.Start);
        var sentence = doc.Tokens.SentenceOf(atom.Start);
        var thing = found.Thing;

        var measure = thing.DefaultMeasure is { } forced ? lexicon.Measures[forced]
            : found.Measure ?? FrameCues.NearestMeasure(doc, atom, clause)
            ?? (whole?.Measure is { } wholeMeasure ? lexicon.Measures[wholeMeasure] : null);
        if (measure is null)
        {
            return null;
        }

        // Sides: a modifier of the counted thing ("enemy planes", "Chinese MiGs") wins; for kills the subject is the
        // attacker and the things belong to its opponent; otherwise the subject owns them. "They" is the side the
        // sentence before began with; "our" is the side the passage names most.
        var modifierRegion = (Start: Math.Min(atom.End, found.Hit?.Start ?? atom.End), End: found.Hit?.Start ?? found.WindowEnd);
        var subject = SideFinder.FirstSide(doc, clause.Start, atom.Start, modifierRegion, exclude: null)
            ?? SideFinder.FirstSide(doc, sentence.Start, clause.Start, modifierRegion, exclude: null);
        var subjectSide = subject?.Value.Side?.Actor ?? SideFinder.Pronoun(doc, lexicon, clause, atom.Start) ?? SideFinder.FirstPerson(doc, clause, atom.Start);

        // "We lost seven MiGs," he said: a subject the text leaves unresolved is nobody's side, not the things' default.
        var unresolved = subjectSide is null && SideFinder.HasPronounSubject(doc, lexicon, clause, atom.Start);
        var sideThing = SideFinder.SideThingBefore(doc, clause.Start, atom.Start, found.Hit);
        SideInfo? owner;
        var inferred = false;
        SideInfo? agent = null;
        if (measure.IsAttackerView)
        {
            agent = SideFinder.ByAgent(doc, lexicon, atom.End, clause.End) ?? subjectSide ?? sideThing;
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
        else if (subjectSide is not null)
        {
            owner = subjectSide;
        }
        else if (unresolved)
        {
            owner = null;
        }
        else
        {
            owner = sideThing ?? thing.Side;
            inferred = owner is not null;
        }

        var time = TimeReader.For(doc, lexicon, clause, sentence);
        var person = PersonFinder.Before(doc, atom.Start, sentence, figures);
        var scope = ScopeOf(doc, atom, measure, found, clause, sentence, countedStarts, time, person is not null);
        var status = FrameCues.NearestStatus(doc, atom, clause, sentence) is var stated and not ClaimStatus.Unknown ? stated : measure.DefaultStatus;
        var cues = ClauseCues.Read(doc, clause, sentence, atom.Start, maxNegationGap: 6, negationStopsAtComma: false);
        var mustStart = Math.Min(atom.Start, subject is { } s && s.Start >= clause.Start ? s.Start : atom.Start);
        var mustEnd = Math.Max(atom.End, found.Hit?.End ?? atom.End);
        var statement = StatementSpan.Of(doc, clause, mustStart, mustEnd);
        var claim = new Claim
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
            Person = person?.Key,
            PersonName = person?.Name,
            Time = time,
            Scope = scope,
            Status = status,
            Phase = cues.Phase,
            Cues = cues.Words,
            IsNegated = cues.IsNegated,
            IsRebutted = cues.IsRebutted,
        };

        // A part carries the frame of its whole: whose things, by whom, when, whose tally.
        return whole is null ? claim : claim with
        {
            Side = whole.Side,
            IsSideInferred = whole.IsSideInferred,
            Agent = whole.Agent,
            Person = whole.Person,
            PersonName = whole.PersonName,
            Time = whole.Time,
            Scope = whole.Scope,
            Status = whole.Status,
        };
    }

    private ClaimScope ScopeOf(TaggedText doc, Atom atom, MeasureInfo measure, CountedThing found, Segment clause, Segment sentence,
        HashSet<int> countedStarts, TimeScope? time, bool hasPerson)
    {
        var stated = FrameCues.NearestScope(doc, atom, clause)?.Id;
        var cause = stated;
        if (measure.IsCauseFromAgent && FrameCues.AgentScope(doc, clause, found.Hit, countedStarts) is { } agentCause)
        {
            // "Soviet pilots and anti-aircraft gunners destroyed …": two agents of different causes make a
            // combined figure, comparable with neither cause's own.
            cause = cause is null || cause == agentCause ? agentCause : string.Join('+', new[] { cause, agentCause }.Order(StringComparer.Ordinal));
        }

        // One pilot's tally is not a force total: compared only with the same pilot's tallies.
        var per = HitLists.AnyIn(doc.PerUnit, clause.Start, clause.End) ? PerScope.Unit
            : hasPerson || HitLists.AnyIn(doc.PerPerson, clause.Start, atom.Start) ? PerScope.Individual
            : PerScope.None;
        var countedStart = found.Hit?.Start ?? atom.End;
        var countedEnd = found.Hit?.End ?? atom.End;
        return new ClaimScope
        {
            Cause = cause,
            IsCauseImplied = stated is null && cause is not null,
            // A person's tally is his own, whichever unit a source says he served in.
            Unit = hasPerson ? null : FrameCues.UnitIn(doc.Units, clause, sentence, atom.Start)?.Key,
            Episode = ScopeReader.Episode(doc, lexicon, clause, sentence, atom.Start, countedStart, countedEnd),
            Per = per,
            IsRate = HitLists.AnyIn(doc.Rate, clause.Start, clause.End),
            IsPeak = HitLists.AnyIn(doc.Peak, clause.Start, clause.End),
            IsMoment = ScopeReader.IsMoment(doc, clause, sentence),
            War = ScopeReader.War(doc, lexicon, clause, sentence, atom.Start, time)?.Id,
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

        // One person's tally is never a force total, nor another person's; figures of another war, or by a claimant
        // on another side, are about something else.
        if (a.Person != b.Person || (a.Person is null && a.Scope.Per == PerScope.Individual) || a.Scope.War != b.Scope.War
            || Relations.Sides(Side(a.Agent), false, Side(b.Agent), false) == Relation.Disjoint && a.Agent is not null && b.Agent is not null)
        {
            return PairResult.Unrelated;
        }

        // A tally at one moment, or a figure for a battle the text does not name, is not comparable with a total.
        if (a.Scope.IsMoment || b.Scope.IsMoment || a.Scope.Episode == ClaimScope.UnknownEpisode || b.Scope.Episode == ClaimScope.UnknownEpisode)
        {
            return PairResult.DifferentScope;
        }

        var thingRelation = Relations.Things(ta, tb);
        var sa = a.Side is null ? null : lexicon.Sides.GetValueOrDefault(a.Side);
        var sb = b.Side is null ? null : lexicon.Sides.GetValueOrDefault(b.Side);

        // Whose aircraft an attacker shot down is the attacker's attribution ("UN aircraft", "enemy planes"): against
        // the owner's own loss figure it aligns within the bloc, as an inferred side does.
        var looseA = a.IsSideInferred || (ma.IsAttackerView && !mb.IsAttackerView);
        var looseB = b.IsSideInferred || (mb.IsAttackerView && !ma.IsAttackerView);

        // One person's tally is about that person whatever side a source puts it on; otherwise two figures whose
        // owner neither source names are only about the same thing when they name the same unit.
        if (a.Person is null && sa is null && sb is null && (a.Scope.Unit is null || a.Scope.Unit != b.Scope.Unit))
        {
            return PairResult.Unrelated;
        }

        var sideRelation = a.Person is not null && (sa is null || sb is null) ? Relation.Equal : Relations.Sides(sa, looseA, sb, looseB);
        if (thingRelation == Relation.Disjoint || sideRelation == Relation.Disjoint)
        {
            return PairResult.Unrelated;
        }

        // One battle is one time, however each source dates it.
        var sameEpisode = a.Scope.Episode is not null && a.Scope.Episode == b.Scope.Episode;
        if (!sameEpisode && !Relations.SameTime(a.Time, b.Time))
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

        // A cause implied by the agent ("Sabre pilots claimed …" → air-to-air) does not set a figure apart from one
        // that states no cause; a stated one does.
        var causeA = a.Scope.IsCauseImplied && b.Scope.Cause is null ? null : a.Scope.Cause;
        var causeB = b.Scope.IsCauseImplied && a.Scope.Cause is null ? null : b.Scope.Cause;
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
            // A source that already sets its claim against the record tells that difference itself.
            if (a.IsContrastedInPassage || b.IsContrastedInPassage)
            {
                return PairResult.DifferentScope;
            }

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

    public bool IsAsked(QuestionFrame frame) => frame.MeasureGroups.Count > 0 && frame.AsksCount;

    public bool IsRelevant(QuestionFrame frame, Claim claim)
    {
        if (claim.Measure is null || !lexicon.Measures.TryGetValue(claim.Measure, out var measure) || !frame.MeasureGroups.Contains(measure.Group))
        {
            return false;
        }

        // A question about a person is answered by that person's figures only; one about a force, by no person's.
        if (frame.Persons.Count > 0 ? claim.Person is null || !frame.Persons.Contains(claim.Person) : frame.IsAboutOnePerson != (claim.Scope.Per == PerScope.Individual))
        {
            return false;
        }

        if (frame.War != claim.Scope.War || claim.Scope.IsMoment
            || (frame.IsAboutEngagement && (claim.Scope.Episode is null || (frame.Episode is not null && claim.Scope.Episode != frame.Episode))))
        {
            return false;
        }

        // A question about one party's account is not answered by the other kind of figure; one about a claim is
        // (claims against records is the disagreement a reader most needs to see).
        var status = measure.IsAttackerView ? ClaimStatus.Claim : claim.Status;
        if (frame.IsAttributed && IsClaimOrRecord(frame.Status) && IsClaimOrRecord(status) && status != frame.Status)
        {
            return false;
        }

        if (frame.Agent is not null && measure.IsAttackerView && Side(claim.Agent) is { } agent
            && Relations.Sides(frame.Agent, false, agent, false) == Relation.Disjoint)
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
        // A question that names whose things it asks about ("the Chinese air force") is answered only when one of the
        // figures is stated for them, not merely inferred for a whole bloc ("MiGs").
        if (frame.Owner is { } owner && !frame.IsOwnerInferred && !StatedFor(a, owner) && !StatedFor(b, owner))
        {
            return false;
        }

        if (frame.Things.Count == 0)
        {
            return true;
        }

        return Narrow(a) || Narrow(b);

        bool StatedFor(Claim claim, SideInfo side) =>
            !claim.IsSideInferred && Side(claim.Side) is { } stated && (stated == side || stated.IsWithin(side));

        bool Narrow(Claim claim) =>
            claim.Thing is not null && lexicon.Things.TryGetValue(claim.Thing, out var thing)
            && frame.Things.Any(t => Relations.Things(t, thing) is Relation.Equal or Relation.FirstBroader);
    }

    private SideInfo? Side(string? id) => id is null ? null : lexicon.Sides.GetValueOrDefault(id);

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
