namespace HonchoBot.Slack.Commands;

/// <summary>
/// A slash-command invocation (fields per docs/platform-protocols.md). HTTP delivers it form-encoded, Socket Mode as the
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
    /// <summary>Maps the fields; null when a required one is missing.</summary>
    public static SlashCommand? From(SlashCommandPayload payload)
    {
        if (payload is not { TeamId: { Length: > 0 } team, ChannelId: { Length: > 0 } channel, UserId: { Length: > 0 } user, Command: { Length: > 0 } command })
        {
            return null;
        }

        return new SlashCommand(team, channel, user, payload.UserName ?? user, command, payload.Text ?? string.Empty, payload.ResponseUrl, payload.TriggerId);
    }

    /// <summary>Maps form fields (HTTP mode), looked up by their wire names.</summary>
    public static SlashCommand? FromForm(Func<string, string?> field) => From(new SlashCommandPayload(
        field("team_id"), field("channel_id"), field("user_id"), field("user_name"), field("command"), field("text"), field("response_url"), field("trigger_id")));

    public override string ToString() => $"SlashCommand {{ Team = {TeamId}, Channel = {ChannelId}, User = {UserId}, Command = {Command} }}";
}
