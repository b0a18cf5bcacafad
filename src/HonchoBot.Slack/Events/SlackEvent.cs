using System.Text.Json;

namespace HonchoBot.Slack.Events;

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
