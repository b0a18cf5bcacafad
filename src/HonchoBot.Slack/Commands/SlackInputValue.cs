namespace HonchoBot.Slack.Commands;

/// <summary>One input element's value; a plain-text input sends a string.</summary>
public sealed record SlackInputValue(string? Type, string? Value);
