using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Conversations;

/// <summary>A question ready to answer: as asked, and as understood in its conversation.</summary>
/// <param name="Asked">The question as the asker typed it.</param>
/// <param name="Effective">The question to answer: <paramref name="Asked"/>, or the follow-up resolved against the conversation.</param>
/// <param name="Resolution">How it was read; null when it belongs to no conversation.</param>
public sealed record PreparedQuestion(Question Asked, Question Effective, FollowUpResolution? Resolution)
{
    /// <summary>The question was answered as something other than what was typed.</summary>
    public bool IsRewritten => !string.Equals(Asked.Text, Effective.Text, StringComparison.Ordinal);
}
