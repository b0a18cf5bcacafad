namespace HonchoBot.Core.Answers;

/// <summary>Sources that disagree about something the question asks.</summary>
/// <param name="Topic">What is disputed, e.g. "communist aircraft lost".</param>
/// <param name="Note">One line on why the figures may differ.</param>
public sealed record Disagreement(
    DisagreementKind Kind,
    string Topic,
    string Note,
    IReadOnlyList<DisagreementClaim> Claims);
