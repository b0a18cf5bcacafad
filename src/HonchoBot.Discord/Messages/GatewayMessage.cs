using System.Text.Json;
using HonchoBot.Core.Pipeline;

namespace HonchoBot.Discord.Messages;

/// <summary>The parts of a MESSAGE_CREATE dispatch HonchoBot uses (docs/platform-protocols.md).</summary>
/// <param name="ReplyTo">A reply's <c>message_reference.message_id</c>: the message it answers.</param>
/// <param name="RepliedToAuthorId">The author of that message, from <c>referenced_message</c> (sent with replies).</param>
/// <param name="RepliedToReplyTo">What that message itself replied to: for the bot's answer, the question it answered.</param>
/// <param name="IsInThread">Sent in a thread (<c>channel_type</c> 10, 11 or 12).</param>
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
    IReadOnlyList<string> MemberRoleIds,
    string? ReplyTo = null,
    string? RepliedToAuthorId = null,
    string? RepliedToReplyTo = null,
    bool IsInThread = false)
{
    /// <summary>Discord's channel types for announcement, public and private threads.</summary>
    private static readonly int[] ThreadChannelTypes = [10, 11, 12];

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
            payload.Member?.Roles?.OfType<string>().ToList() ?? [],
            payload.MessageReference?.MessageId,
            payload.ReferencedMessage?.Author?.Id,
            payload.ReferencedMessage?.MessageReference?.MessageId,
            payload.ChannelType is { } channelType && ThreadChannelTypes.Contains(channelType));
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
    MemberPayload? Member,
    MessageReferencePayload? MessageReference,
    ReferencedMessagePayload? ReferencedMessage,
    int? ChannelType);

/// <summary>A message's <c>message_reference</c>: which message it replies to.</summary>
internal sealed record MessageReferencePayload(string? MessageId, string? ChannelId);

/// <summary>A reply's <c>referenced_message</c>, with the fields HonchoBot reads (null when it was deleted).</summary>
internal sealed record ReferencedMessagePayload(string? Id, UserPayload? Author, MessageReferencePayload? MessageReference);
