namespace HonchoBot.Slack.Commands;

/// <summary>What <c>/honcho …</c> asks for.</summary>
public abstract record HonchoCommand
{
    private HonchoCommand()
    {
    }

    public sealed record Help : HonchoCommand;

    public sealed record Ask(string Question) : HonchoCommand;

    public sealed record Fact(string Question) : HonchoCommand;

    public sealed record Sources(int Page) : HonchoCommand;

    /// <summary><c>source add &lt;url&gt;</c>; without a URL a modal for pasted text opens.</summary>
    public sealed record SourceAdd(string? Url) : HonchoCommand;

    public sealed record SourceRemove(string SourceId) : HonchoCommand;

    public sealed record SourceHide(string SourceId) : HonchoCommand;

    public sealed record SourceUnhide(string SourceId) : HonchoCommand;

    public sealed record SourceAudit : HonchoCommand;

    /// <summary><c>gaps [days]</c>: the workspace's coverage gaps (moderators).</summary>
    public sealed record Gaps(int Days) : HonchoCommand;

    /// <summary>Not understood: <see cref="Problem"/> says how to write it.</summary>
    public sealed record Usage(string Problem) : HonchoCommand;
}
