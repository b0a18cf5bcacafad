using HonchoBot.Core.Sources;

namespace HonchoBot.Slack.Moderation;

/// <summary>A library action asked for from Slack.</summary>
public abstract record SlackSourceAction
{
    private SlackSourceAction()
    {
    }

    /// <summary>Whether only moderators may do it.</summary>
    public virtual bool IsModeratorOnly => true;

    public sealed record Add(SourceInput Input, SourceMetadata Metadata) : SlackSourceAction;

    /// <summary>Files shared with "add source": downloaded with <c>files.info</c> + <c>url_private</c>, moderators only.</summary>
    public sealed record AddFiles(IReadOnlyList<string> FileIds) : SlackSourceAction;

    public sealed record Remove(string SourceId) : SlackSourceAction;

    public sealed record Hide(string SourceId) : SlackSourceAction;

    public sealed record Unhide(string SourceId) : SlackSourceAction;

    public sealed record List(int Page) : SlackSourceAction
    {
        public override bool IsModeratorOnly => false;
    }

    public sealed record Audit : SlackSourceAction;

    /// <summary>The workspace's coverage gaps of the last <paramref name="Days"/> days.</summary>
    public sealed record Gaps(int Days) : SlackSourceAction;
}
