using System.Text.RegularExpressions;
using HonchoBot.Core.Claims;
using HonchoBot.Core.Retrieval;

namespace HonchoBot.Core.Answers;

/// <summary>
/// Finds where the relevant evidence disagrees across sources and makes sure both sides are cited:
/// a side whose passage is not among the citations becomes citation 4 or 5, its excerpt the sentence
/// that carries the claim; a finding that would need a sixth citation is dropped.
/// </summary>
public static class DisagreementCitations
{
    /// <summary>An answer has at most this many citations when a disagreement needs them: three, plus two for its other sides.</summary>
    public const int MaxCitations = 5;

    /// <summary>Passages compared: the best few, not only the cited ones.</summary>
    public const int EvidencePassages = 8;

    /// <summary>At most this many passages are compared (the best ones plus those that carry claims).</summary>
    public const int MaxEvidencePassages = 20;

    /// <summary>Candidates covering less of the question than this are not evidence about it.</summary>
    private const double MinEvidenceCoverage = 0.15;

    /// <summary>
    /// The best relevant passages, then every other candidate that carries claims (the search adds the best
    /// passages of sources missing from the top, and claim-bearing ones): the finder's own relevance gate
    /// — the claim's counted thing and measure must match the question — judges those, not word coverage,
    /// since the other side of a disagreement may be worded quite unlike the question.
    /// </summary>
    private static List<Evidence> Select(IReadOnlyList<Evidence> ranked)
    {
        var chosen = ranked.Where(e => e.Coverage >= MinEvidenceCoverage).Take(EvidencePassages - 2).ToList();
        chosen.AddRange(ranked.Except(chosen).Where(e => e.Coverage > 0 && e.Annotation is not null));
        return chosen.Take(MaxEvidencePassages).ToList();
    }

    public static (IReadOnlyList<Citation> Citations, IReadOnlyList<Disagreement> Disagreements) Add(
        string question,
        IReadOnlyList<Evidence> ranked,
        IReadOnlyList<Citation> citations,
        IDisagreementFinder finder)
    {
        var evidence = Select(ranked);
        if (evidence.Select(e => e.Source.Id).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return (citations, []);
        }

        var claimEvidence = evidence.Select(e => new ClaimEvidence(
            e.Passage.Id,
            e.Source.Id,
            e.Passage.Text,
            ClaimJson.TryDeserialize(e.Annotation, out var claims, out _) ? claims : [],
            e.Rank)).ToList();
        IReadOnlyList<DisagreementFinding> findings;
        try
        {
            findings = finder.Find(question, claimEvidence);
        }
        catch (RegexMatchTimeoutException)
        {
            // Disagreements are an addition to the answer; a pathological question must not cost the answer.
            return (citations, []);
        }

        if (findings.Count == 0)
        {
            return (citations, []);
        }

        var cited = citations.ToList();
        var byPassage = evidence.ToDictionary(e => e.Passage.Id, StringComparer.Ordinal);
        var disagreements = new List<Disagreement>();
        foreach (var finding in findings)
        {
            var first = CitationFor(finding.First);
            var second = CitationFor(finding.Second);
            if (first is { } a && second is { } b)
            {
                disagreements.Add(finding.ToDisagreement(a, b));
            }
        }

        return (cited, disagreements);

        int? CitationFor(ClaimSide side)
        {
            if (cited.Find(c => c.PassageId == side.PassageId) is { } existing)
            {
                return existing.N;
            }

            if (cited.Count >= MaxCitations || !byPassage.TryGetValue(side.PassageId, out var passage))
            {
                return null;
            }

            var citation = AnswerComposer.ToCitation(passage, cited.Count + 1, ExcerptBuilder.BuildAround(passage, side.Start, side.End));
            cited.Add(citation);
            return citation.N;
        }
    }
}
