using HonchoBot.Core.Answers;
using HonchoBot.Core.Claims.Kinds;
using HonchoBot.Core.Claims.Questions;

namespace HonchoBot.Core.Claims;

/// <summary>
/// Rule-based cross-source comparison, one strategy per claim kind; an optional <see cref="IClaimSimilarity"/> may
/// veto a pair whose statements are about different things. Pure and thread-safe.
/// </summary>
public sealed class DisagreementFinder(ClaimLexicon lexicon, IClaimSimilarity? similarity = null) : IDisagreementFinder
{
    private readonly ClaimKinds _kinds = new(lexicon);
    private readonly IClaimSimilarity _similarity = similarity ?? NoClaimSimilarity.Instance;

    /// <summary>At most this many findings: each may need two citations, and an answer has at most five.</summary>
    public const int MaxFindings = 3;

    /// <inheritdoc />
    public IReadOnlyList<DisagreementFinding> Find(string question, IReadOnlyList<ClaimEvidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Count < 2 || !HasTwoSources(evidence))
        {
            return [];
        }

        var frame = QuestionFrame.Parse(question, lexicon);
        frame.ResolvePersons(evidence.SelectMany(e => e.Claims).Where(c => c.Person is not null).Select(c => c.Person!).ToHashSet(StringComparer.Ordinal), lexicon);
        if (!_kinds.IsAsked(frame))
        {
            return [];
        }

        var relevant = new List<(int Evidence, Claim Claim)>();
        for (var i = 0; i < evidence.Count; i++)
        {
            var item = evidence[i];
            foreach (var claim in item.Claims)
            {
                if (claim.Start >= 0 && claim.End <= item.PassageText.Length && claim.Start < claim.End && _kinds.IsRelevant(frame, claim))
                {
                    relevant.Add((i, claim));
                }
            }
        }

        List<DisagreementFinding>? findings = null;
        HashSet<(DisagreementKind, string, string, string)>? seen = null;
        for (var x = 0; x < relevant.Count; x++)
        {
            for (var y = x + 1; y < relevant.Count; y++)
            {
                var (ei, ci) = relevant[x];
                var (ej, cj) = relevant[y];
                var first = evidence[ei];
                var second = evidence[ej];
                if (string.Equals(first.SourceId, second.SourceId, StringComparison.Ordinal))
                {
                    continue;
                }

                var result = _kinds.Compare(ci, cj);
                if (result.Kind is not { } kind || !_kinds.Answers(frame, ci, cj))
                {
                    continue;
                }

                // Meaning is a gate, never the evidence: it can only drop a pair the rules found.
                if (_similarity.AreAboutTheSameThing(first.PassageText[ci.Start..ci.End], second.PassageText[cj.Start..cj.End]) == false)
                {
                    continue;
                }

                // Two sources that both tell the same sequence ("North Korean markings at first, their own later")
                // agree; a change is worth reporting only when one source tells part of it.
                if (kind == DisagreementKind.ChangeOverTime && ci.Kind == ClaimKind.Attribute
                    && AttributeValues(evidence, first.SourceId, ci).SetEquals(AttributeValues(evidence, second.SourceId, ci)))
                {
                    continue;
                }

                // One finding per topic and pair of sources: the best-ranked pair of passages speaks for it.
                seen ??= [];
                var (s1, s2) = string.CompareOrdinal(first.SourceId, second.SourceId) < 0 ? (first.SourceId, second.SourceId) : (second.SourceId, first.SourceId);
                if (!seen.Add((kind, result.Topic, s1, s2)))
                {
                    continue;
                }

                var sideI = Side(first, ci);
                var sideJ = Side(second, cj);
                var swap = kind == DisagreementKind.ChangeOverTime && (ci.Phase == ClaimPhase.Late || cj.Phase == ClaimPhase.Early);
                findings ??= [];
                findings.Add(new DisagreementFinding(kind, result.Topic, result.Note, swap ? sideJ : sideI, swap ? sideI : sideJ));
            }
        }

        if (findings is null)
        {
            return [];
        }

        // Relevant claims are in evidence order, so findings come best evidence first; a plain conflict outranks a
        // change over time, which outranks a difference of measure (the stable sort keeps evidence order within each).
        var ordered = findings.OrderBy(f => f.Kind switch
        {
            DisagreementKind.Conflict => 0,
            DisagreementKind.ChangeOverTime => 1,
            _ => 2,
        }).ToList();
        return ordered.Count > MaxFindings ? ordered.GetRange(0, MaxFindings) : ordered;
    }

    private static bool HasTwoSources(IReadOnlyList<ClaimEvidence> evidence)
    {
        for (var i = 1; i < evidence.Count; i++)
        {
            if (!string.Equals(evidence[i].SourceId, evidence[0].SourceId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> AttributeValues(IReadOnlyList<ClaimEvidence> evidence, string sourceId, Claim like)
    {
        var unit = like.Scope.Unit;
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in evidence)
        {
            if (!string.Equals(item.SourceId, sourceId, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var claim in item.Claims)
            {
                if (claim is { Kind: ClaimKind.Attribute, IsNegated: false, AttributeValue: { } value } && claim.Attribute == like.Attribute
                    && claim.Side == like.Side && claim.Scope.Unit == unit)
                {
                    values.Add(value);
                }
            }
        }

        return values;
    }

    private static ClaimSide Side(ClaimEvidence evidence, Claim claim) =>
        new(evidence.PassageId, evidence.SourceId, evidence.PassageText[claim.Start..claim.End], claim.Value, claim.Start, claim.End);
}
