using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Claims;

/// <summary>A passage relevant to the question, with the claims stored for it at index time.</summary>
/// <param name="PassageId">The passage id (<c>{sourceId}#{ordinal}</c>).</param>
/// <param name="SourceId">Claims are compared only across different source ids.</param>
/// <param name="PassageText">The stored passage text the claims' offsets point into.</param>
/// <param name="Claims">The claims from <see cref="IClaimExtractor.Extract"/> (via <see cref="ClaimJson"/>).</param>
/// <param name="Score">Retrieval score; evidence is passed best first.</param>
public sealed record ClaimEvidence(string PassageId, string SourceId, string PassageText, IReadOnlyList<Claim> Claims, double Score);

/// <summary>One side of a finding: the verbatim statement and its value, and where it sits in its passage.</summary>
/// <param name="Statement">Verbatim text of the passage between <paramref name="Start"/> and <paramref name="End"/>.</param>
/// <param name="Value">Normalised value ("792", "35–40", "≥ 2000") or attribute value ("North Korean").</param>
public sealed record ClaimSide(string PassageId, string SourceId, string Statement, string Value, int Start, int End);

/// <summary>Two sources that disagree about something the question asks.</summary>
/// <param name="Topic">What is disputed, e.g. "communist aircraft lost".</param>
/// <param name="Note">One line on why the figures may differ.</param>
public sealed record DisagreementFinding(DisagreementKind Kind, string Topic, string Note, ClaimSide First, ClaimSide Second)
{
    /// <summary>
    /// The answer contract's form (DESIGN.md, "Machine-readable output"), given the citation numbers of the
    /// passages that carry each side (<see cref="ClaimSide.PassageId"/>).
    /// </summary>
    public Disagreement ToDisagreement(int firstCitation, int secondCitation) =>
        new(Kind, Topic, Note,
        [
            new DisagreementClaim(firstCitation, First.Statement, First.Value),
            new DisagreementClaim(secondCitation, Second.Statement, Second.Value),
        ]);
}

/// <summary>Finds where the evidence for a question disagrees across sources.</summary>
public interface IDisagreementFinder
{
    /// <summary>
    /// Compares the claims of the evidence passages (best first, about the top 8) across different sources and
    /// returns the conflict, different-measure and change-over-time findings relevant to the question, best
    /// evidence first. Compatible, different-period, different-scope and unrelated pairs are never returned.
    /// </summary>
    IReadOnlyList<DisagreementFinding> Find(string question, IReadOnlyList<ClaimEvidence> evidence);
}

/// <summary>Rule-based cross-source comparison (disagreements.md §2.5). Pure and thread-safe.</summary>
public sealed class DisagreementFinder(ClaimLexicon lexicon) : IDisagreementFinder
{
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
        if (!frame.AsksAnything)
        {
            return [];
        }

        var relevant = new List<(int Evidence, Claim Claim)>();
        for (var i = 0; i < evidence.Count; i++)
        {
            var item = evidence[i];
            foreach (var claim in item.Claims)
            {
                if (claim.Start >= 0 && claim.End <= item.PassageText.Length && claim.Start < claim.End && frame.IsRelevant(claim, lexicon))
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

                var result = ClaimComparer.Compare(ci, cj, lexicon);
                if (result.Kind is not { } kind || !frame.IsAnsweredBy(ci, cj, lexicon))
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
        var unit = ClaimComparer.ScopeValue(like.Scope, "unit");
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
                    && claim.Side == like.Side && ClaimComparer.ScopeValue(claim.Scope, "unit") == unit)
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
