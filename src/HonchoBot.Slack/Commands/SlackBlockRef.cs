namespace HonchoBot.Slack.Commands;

/// <summary>A Block Kit block of a message, by its id.</summary>
public sealed record SlackBlockRef(string? BlockId);
