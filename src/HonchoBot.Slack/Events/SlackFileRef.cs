namespace HonchoBot.Slack.Events;

/// <summary>A file shared with a message; its details come from <c>files.info</c>.</summary>
public sealed record SlackFileRef(string? Id);
