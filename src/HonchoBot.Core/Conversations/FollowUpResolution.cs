namespace HonchoBot.Core.Conversations;

/// <summary>What <see cref="FollowUpResolver"/> made of a question, and why.</summary>
/// <param name="IsFollowUp">The question depends on the previous one.</param>
/// <param name="Effective">The question to answer: the asker's own text when it stands alone.</param>
/// <param name="Reason">Why it was (or was not) taken as a follow-up, for logs and <c>--explain</c>-style output.</param>
public sealed record FollowUpResolution(bool IsFollowUp, string Effective, string Reason)
{
    /// <summary>The question stands on its own: it is answered as asked.</summary>
    public static FollowUpResolution Standalone(string question, string reason) => new(false, question, reason);
}
