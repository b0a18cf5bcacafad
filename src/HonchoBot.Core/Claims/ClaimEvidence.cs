namespace HonchoBot.Core.Claims;

/// <summary>A passage relevant to the question, with the claims stored for it at index time.</summary>
/// <param name="PassageId">The passage id (<c>{sourceId}#{ordinal}</c>).</param>
/// <param name="SourceId">Claims are compared only across different source ids.</param>
/// <param name="PassageText">The stored passage text the claims' offsets point into.</param>
/// <param name="Claims">The claims from <see cref="IClaimExtractor.Extract"/> (via <see cref="ClaimJson"/>).</param>
/// <param name="Score">Retrieval score; evidence is passed best first.</param>
public sealed record ClaimEvidence(string PassageId, string SourceId, string PassageText, IReadOnlyList<Claim> Claims, double Score);
