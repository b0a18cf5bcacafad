using HonchoBot.Core.Claims.Extraction;
using HonchoBot.Core.Claims.Questions;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Kinds;

/// <summary>
/// Membership: the unit a person or a unit belonged to ("Sutyagin flew with the 17th Fighter Aviation Regiment",
/// "the 196th IAP was part of the 324th IAD", "Kozhedub's 324th IAD"). Units are keyed by number and level, so
/// "324th IAD" and "324th Fighter Aviation Division" are one. Two units of the same level for one member conflict,
/// unless a change cue says the member moved.
/// </summary>
internal sealed class MembershipKind(ClaimLexicon lexicon) : IClaimKind
{
    private const int SubjectReach = 4;

    public ClaimKind Kind => ClaimKind.Membership;

    public void Extract(TaggedText doc, List<Claim> claims)
    {
        var tokens = doc.Tokens;
        foreach (var unit in doc.Units)
        {
            var at = tokens.TokenAt(unit.Start);
            var clause = tokens.ClauseOf(unit.Start);
            var sentence = tokens.SentenceOf(unit.Start);

            // "Kozhedub's 324th IAD": a possessive person right before the unit.
            var owner = doc.Persons.LastOrDefault(p => p.End <= unit.Start && p.End > clause.Start && tokens.TokenAt(p.End) == at
                && doc.Text.AsSpan(p.Start, p.End - p.Start).EndsWith("s", StringComparison.Ordinal));
            int cueStart;
            if (owner.End > 0)
            {
                cueStart = owner.End;
            }
            else if (CueBefore(doc, at) is { } cue)
            {
                cueStart = tokens.Tokens[cue].Start;
            }
            else
            {
                continue;
            }

            var person = owner.End > 0 ? owner : SubjectPerson(doc, cueStart, clause);
            var subjectUnit = person is null ? SubjectUnit(doc, cueStart, clause, unit) : null;
            if (person is null && subjectUnit is null)
            {
                continue;
            }

            var level = unit.Key[(unit.Key.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            if (subjectUnit is { } su && su.Key[(su.Key.IndexOf(' ', StringComparison.Ordinal) + 1)..] == level)
            {
                continue;
            }

            var cues = ClauseCues.Read(doc, clause, sentence, cueStart, maxNegationGap: 4, negationStopsAtComma: true);
            if (cues.IsNegated)
            {
                continue;
            }

            var subjectStart = person?.Start ?? subjectUnit!.Value.Start;
            var statement = StatementSpan.Of(doc, clause, Math.Min(subjectStart, unit.Start), unit.End);
            claims.Add(new Claim
            {
                Kind = ClaimKind.Membership,
                Start = statement.Start,
                End = statement.End,
                ValueStart = unit.Start,
                ValueEnd = unit.End,
                Value = UnitKeys.Label(unit.Key),
                Person = person?.Key,
                PersonName = person?.Name,
                Scope = subjectUnit is { } s ? new ClaimScope { Unit = s.Key } : ClaimScope.None,
                Time = TimeReader.For(doc, lexicon, clause, sentence),
                Phase = cues.Phase,
                Cues = cues.Words,
                IsRebutted = cues.IsRebutted,
                Attribute = level,
                AttributeValue = unit.Key,
            });
        }
    }

    /// <summary>The token where a membership cue ending just before the unit starts ("flew with the", "part of").</summary>
    private int? CueBefore(TaggedText doc, int unitToken)
    {
        var end = doc.Tokens.Is(unitToken - 1, "the") ? unitToken - 1 : unitToken;
        foreach (var cue in lexicon.MembershipCues)
        {
            if (doc.Tokens.MatchesAt(end - cue.Length, cue))
            {
                return end - cue.Length;
            }
        }

        return null;
    }

    /// <summary>The person named (or a pronoun) just before the cue: "Sutyagin flew with", "Mahurin, commander of".</summary>
    private static PersonRef? SubjectPerson(TaggedText doc, int cueStart, Segment clause)
    {
        var person = doc.Persons.LastOrDefault(p => p.Start >= clause.Start && p.End <= cueStart);
        return person.End > 0 && WordsBetween(doc, person.End, cueStart) <= SubjectReach ? person : null;
    }

    /// <summary>A unit just before the cue: "The 196th regiment belonged to".</summary>
    private static UnitHit? SubjectUnit(TaggedText doc, int cueStart, Segment clause, UnitHit value)
    {
        var unit = doc.Units.LastOrDefault(u => u.Start >= clause.Start && u.End <= cueStart && u.Start != value.Start);
        return unit.End > 0 && WordsBetween(doc, unit.End, cueStart) <= SubjectReach ? unit : null;
    }

    private static int WordsBetween(TaggedText doc, int from, int to)
    {
        var words = 0;
        for (var k = doc.Tokens.TokenAt(from); k < doc.Tokens.Tokens.Length && doc.Tokens.Tokens[k].Start < to; k++)
        {
            words += doc.Tokens.Tokens[k].Kind == TokenKind.Punct ? 0 : 1;
        }

        return words;
    }

    public PairResult Compare(Claim a, Claim b)
    {
        if (a.Attribute is null || a.Attribute != b.Attribute || a.AttributeValue is null || b.AttributeValue is null
            || a.Person != b.Person || a.Scope.Unit != b.Scope.Unit || (a.Person is null && a.Scope.Unit is null))
        {
            return PairResult.Unrelated;
        }

        if (a.AttributeValue == b.AttributeValue)
        {
            return PairResult.Compatible;
        }

        var member = a.PersonName ?? b.PersonName ?? (a.Scope.Unit is { } unit ? "the " + UnitKeys.Label(unit) : a.Person!);
        var topic = $"the {a.Attribute} of {member}";
        if (a.Phase != b.Phase)
        {
            return new PairResult(PairVerdict.ChangeOverTime, topic, $"{member} may have moved between units (“{Relations.PhaseCue(a, b)}”)");
        }

        return new PairResult(PairVerdict.Conflict, topic, $"the sources name different units: {a.Value} vs {b.Value}");
    }

    public bool IsAsked(QuestionFrame frame) => frame.MembershipLevel is not null && (frame.Persons.Count > 0 || frame.Unit is not null);

    public bool IsRelevant(QuestionFrame frame, Claim claim) =>
        claim.Attribute == frame.MembershipLevel
        && (frame.Persons.Count > 0 ? claim.Person is not null && frame.Persons.Contains(claim.Person) : claim.Scope.Unit is not null && claim.Scope.Unit == frame.Unit);

    public bool Answers(QuestionFrame frame, Claim a, Claim b) => true;
}
