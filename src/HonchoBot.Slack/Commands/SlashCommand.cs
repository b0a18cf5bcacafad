using System.Text.Json;

namespace HonchoBot.Slack.Commands;

/// <summary>
/// A slash-command invocation (protocols.md §2c fields). HTTP delivers it form-encoded, Socket Mode as the
/// JSON <c>payload</c> of a <c>slash_commands</c> envelope; both map here.
/// </summary>
public sealed record SlashCommand(
    string TeamId,
    string ChannelId,
    string UserId,
    string UserName,
    string Command,
    string Text,
    string? ResponseUrl,
    string? TriggerId)
{
    /// <summary>Maps from any field lookup; null when a required field is missing.</summary>
    public static SlashCommand? From(Func<string, string?> field)
    {
        var team = field("team_id");
        var channel = field("channel_id");
        var user = field("user_id");
        var command = field("command");
        if (string.IsNullOrEmpty(team) || string.IsNullOrEmpty(channel) || string.IsNullOrEmpty(user) || string.IsNullOrEmpty(command))
        {
            return null;
        }

        return new SlashCommand(team, channel, user, field("user_name") ?? user, command, field("text") ?? string.Empty,
            field("response_url"), field("trigger_id"));
    }

    public static SlashCommand? FromJson(JsonElement payload) => From(name =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null);

    public override string ToString() => $"SlashCommand {{ Team = {TeamId}, Channel = {ChannelId}, User = {UserId}, Command = {Command} }}";
}
