using System.Text.Json;
using HonchoBot.Core.Pipeline;

namespace HonchoBot.Discord.Messages;

/// <summary>The parts of a MESSAGE_CREATE dispatch HonchoBot uses (docs/platform-protocols.md).</summary>
public sealed record GatewayMessage(
    string Id,
    string ChannelId,
    string? GuildId,
    string AuthorId,
    string AuthorName,
    bool AuthorIsBot,
    bool IsWebhook,
    int Type,
    string Content,
    IReadOnlyList<string> MentionIds,
    IReadOnlyList<string> MemberRoleIds)
{
    /// <summary>Reads a dispatch's <c>d</c>; false (with the reason) for one that does not fit or has no id, channel or author.</summary>
    public static bool TryParse(JsonElement d, out GatewayMessage message, out string? problem)
    {
        message = null!;
        if (!InboundJson.TryRead(d, DiscordInboundJson.Default.MessageCreatePayload, out var payload, out problem))
        {
            return false;
        }

        if (payload is not { Id: { Length: > 0 } id, ChannelId: { Length: > 0 } channel, Author: { } author })
        {
            problem = "no id, channel or author";
            return false;
        }

        message = new GatewayMessage(
            id,
            channel,
            payload.GuildId,
            author.Id ?? string.Empty,
            author.GlobalName ?? author.Username ?? "unknown",
            author.Bot == true,
            payload.WebhookId is not null,
            payload.Type ?? 0,
            payload.Content ?? string.Empty,
            payload.Mentions?.Select(u => u?.Id).OfType<string>().ToList() ?? [],
            payload.Member?.Roles?.OfType<string>().ToList() ?? []);
        return true;
    }
}

/// <summary>A MESSAGE_CREATE dispatch's <c>d</c>, with the fields HonchoBot reads.</summary>
internal sealed record MessageCreatePayload(
    string? Id,
    string? ChannelId,
    string? GuildId,
    UserPayload? Author,
    string? WebhookId,
    int? Type,
    string? Content,
    IReadOnlyList<UserPayload?>? Mentions,
    MemberPayload? Member);
