namespace HonchoBot.Core.Claims;

// Quantity claims (disagreements.md §2.2–2.3): a figure with its measure, owning side, agent, scope and status.
public sealed partial class ClaimExtractor
{
    private Claim? BuildQuantity(TaggedText doc, Atom atom, ThingFound found, HashSet<int> countedStarts)
    {
        var clause = doc.Tokens.ClauseOf(atom.Start);
        var sentence = doc.Tokens.SentenceOf(atom.Start);
        var thing = found.Thing;

        var measure = thing.DefaultMeasure is { } forced ? lexicon.Measures[forced] : found.Measure ?? NearestMeasure(doc, atom, clause);
        if (measure is null)
        {
            return null;
        }

        // Sides (disagreements.md §2.3): a modifier of the counted thing ("enemy planes", "Chinese MiGs") wins; for
        // kills the subject is the attacker and the things belong to its opponent; otherwise the subject owns them.
        var modifierRegion = (Start: Math.Min(atom.End, found.Hit?.Start ?? atom.End), End: found.Hit?.Start ?? found.WindowEnd);
        var subject = FirstSide(doc, clause.Start, atom.Start, modifierRegion, exclude: null)
            ?? FirstSide(doc, sentence.Start, clause.Start, modifierRegion, exclude: null);
        var sideThing = SideThingBefore(doc, clause.Start, atom.Start, found.Hit);
        SideInfo? owner;
        var inferred = false;
        SideInfo? agent = null;
        if (measure.IsAttackerView)
        {
            agent = ByAgent(doc, atom.End, clause.End) ?? subject?.Value.Side?.Actor ?? sideThing;
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

        // Scope qualifiers.
        var scope = new List<string>(3);
        if (NearestScope(doc, atom, clause) is { } cause)
        {
            scope.Add("cause:" + cause.Id);
        }
        else if (measure.Group == "destroyed" && AgentScope(doc, clause, found.Hit, countedStarts) is { } agentScope)
        {
            scope.Add("cause:" + agentScope);
        }

        if (UnitIn(doc, clause, sentence, atom.Start) is { } unit)
        {
            scope.Add("unit:" + unit.Key);
        }

        if (UnitIn(doc.Episodes, clause, sentence, atom.Start) is { } episode)
        {
            scope.Add("episode:" + episode.Key);
        }

        if (AnyIn(doc.PerUnit, clause.Start, clause.End))
        {
            scope.Add("per:unit");
        }
        else if (AnyIn(doc.PerPerson, clause.Start, atom.Start))
        {
            // One pilot's tally is not a force total: compared only with other individual tallies.
            scope.Add("per:person");
        }

        if (AnyIn(doc.Rate, clause.Start, clause.End))
        {
            scope.Add("rate");
        }

        if (AnyIn(doc.Peak, clause.Start, clause.End))
        {
            scope.Add("peak");
        }

        var cues = new List<string>(2);
        var isNegated = false;
        foreach (var neg in doc.Negation)
        {
            if (neg.Start >= clause.Start && neg.End <= atom.Start && doc.TokensBetween(neg.End, atom.Start) <= 6)
            {
                isNegated = true;
                cues.Add(doc.Text[neg.Start..neg.End]);
            }
        }

        var isRebutted = FirstIn(doc.Rebuttal, sentence.Start, sentence.End) is { } rebuttal && Add(cues, doc.Text[rebuttal.Start..rebuttal.End]);
        var phase = ClaimPhase.None;
        if (FirstIn(doc.Change, clause.Start, clause.End) is { } change)
        {
            phase = change.Value;
            cues.Add(doc.Text[change.Start..change.End]);
        }

        var status = NearestStatus(doc, atom, clause, sentence) ?? measure.DefaultStatus;
        var mustStart = Math.Min(atom.Start, subject is { } s && s.Start >= clause.Start ? s.Start : atom.Start);
        var mustEnd = Math.Max(atom.End, found.Hit?.End ?? atom.End);
        var statement = Statement(doc, clause, mustStart, mustEnd);
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
            Time = TimeFor(doc, clause, sentence),
            Scope = scope,
            Status = status,
            Phase = phase,
            Cues = cues,
            IsNegated = isNegated,
            IsRebutted = isRebutted,
        };
    }
}
