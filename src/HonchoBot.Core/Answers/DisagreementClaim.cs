namespace HonchoBot.Core.Answers;

/// <summary>One side of a disagreement.</summary>
/// <param name="Citation">The citation number that carries the claim.</param>
/// <param name="Statement">The verbatim span that carries the claim.</param>
/// <param name="Value">The figure as normalised ("792", "35–40", "≥ 2000") or the attribute value.</param>
public sealed record DisagreementClaim(int Citation, string Statement, string Value);
