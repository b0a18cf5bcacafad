using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Claims;

/// <summary>Two sources that disagree about something the question asks.</summary>
/// <param name="Topic">What is disputed, e.g. "communist aircraft lost".</param>
/// <param name="Note">One line on why the figures may differ.</param>
public sealed record DisagreementFinding(DisagreementKind Kind, string Topic, string Note, ClaimSide First, ClaimSide Second)
{
    /// <summary>
    /// The form it takes in an answer (the <c>disagreements</c> of the JSON answer), given the citation numbers of the
    /// passages that carry each side (<see cref="ClaimSide.PassageId"/>).
    /// </summary>
    public Disagreement ToDisagreement(int firstCitation, int secondCitation) =>
        new(Kind, Topic, Note,
        [
            new DisagreementClaim(firstCitation, First.Statement, First.Value),
            new DisagreementClaim(secondCitation, Second.Statement, Second.Value),
        ]);
}
