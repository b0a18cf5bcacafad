namespace HonchoBot.Slack.Commands;

/// <summary>One element of a <c>block_actions</c> payload's <c>actions</c>: which button, and the value it carried.</summary>
public sealed record SlackAction(string? ActionId, string? BlockId, string? Value);
