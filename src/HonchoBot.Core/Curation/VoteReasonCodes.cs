namespace HonchoBot.Core.Curation;

/// <summary>
/// The one-letter codes a 👎 reason button carries in its id (Discord <c>custom_id</c>, Slack <c>action_id</c>) and
/// the label it shows, shared by both adapters so a button rendered by one release is read by the next.
/// </summary>
public static class VoteReasonCodes
{
    /// <summary>Every reason with its code and button label, in the order the buttons are shown.</summary>
    public static IReadOnlyList<(VoteReason Reason, string Code, string Label)> All { get; } =
    [
        (VoteReason.WrongSource, "w", "Wrong source"),
        (VoteReason.MissingAnswer, "m", "Missing answer"),
    ];

    /// <summary>The reason a code stands for, or null for an unknown code.</summary>
    public static VoteReason? Parse(string code)
    {
        foreach (var (reason, known, _) in All)
        {
            if (string.Equals(code, known, StringComparison.Ordinal))
            {
                return reason;
            }
        }

        return null;
    }
}
