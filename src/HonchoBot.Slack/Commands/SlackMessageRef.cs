namespace HonchoBot.Slack.Commands;

/// <summary>The message a shortcut was used on.</summary>
public sealed record SlackMessageRef(string? Ts, string? User, string? BotId, IReadOnlyList<SlackBlockRef?>? Blocks);
