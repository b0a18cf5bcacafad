namespace HonchoBot.Core.Claims;

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
