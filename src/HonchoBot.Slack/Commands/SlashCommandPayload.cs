namespace HonchoBot.Slack.Commands;

/// <summary>The slash-command fields; Socket Mode sends them as the JSON <c>payload</c> of a <c>slash_commands</c> envelope.</summary>
public sealed record SlashCommandPayload(
    string? TeamId,
    string? ChannelId,
    string? UserId,
    string? UserName,
    string? Command,
    string? Text,
    string? ResponseUrl,
    string? TriggerId);
