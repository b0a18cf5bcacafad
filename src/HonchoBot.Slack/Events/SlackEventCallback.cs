using System.Text.Json;

namespace HonchoBot.Slack.Events;

/// <summary>
/// An Events API request body: an <c>event_callback</c> wrapping one event, or Slack's
/// <c>url_verification</c> handshake. Only the fields HonchoBot reads; unknown fields are ignored.
/// </summary>
public sealed record SlackEventCallback(
    string? Type,
    string? EventId,
    string? TeamId,
    string? ContextTeamId,
    string? Challenge,
    SlackEvent? Event);

/// <summary>
/// The inner event. HonchoBot subscribes to <c>app_mention</c> and <c>message.im</c>, whose fields are these;
/// <paramref name="BotProfile"/>, <paramref name="Edited"/> and <paramref name="Hidden"/> matter only by being there.
/// Lists here and in the other inbound records allow null elements, because JSON arrays may hold them.
/// </summary>
public sealed record SlackEvent(
    string? Type,
    string? Subtype,
    string? User,
    string? Channel,
    string? ChannelType,
    string? Ts,
    string? ThreadTs,
    string? Text,
    string? BotId,
    JsonElement? BotProfile,
    JsonElement? Edited,
    JsonElement? Hidden,
    IReadOnlyList<SlackFileRef?>? Files);

/// <summary>A file shared with a message; its details come from <c>files.info</c>.</summary>
public sealed record SlackFileRef(string? Id);
