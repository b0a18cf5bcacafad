using System.Text.Json;

namespace HonchoBot.Discord.Messages;

/// <summary>The parts of a MESSAGE_CREATE dispatch HonchoBot uses (protocols.md 1c, "MESSAGE_CREATE").</summary>
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
    public static bool TryParse(JsonElement d, out GatewayMessage message)
    {
        message = null!;
        if (d.ValueKind != JsonValueKind.Object || !d.TryGetProperty("author", out var author) || author.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        static string? Str(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        var mentions = d.TryGetProperty("mentions", out var m) && m.ValueKind == JsonValueKind.Array
            ? m.EnumerateArray().Select(u => Str(u, "id")).OfType<string>().ToList()
            : [];
        var roles = d.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object
            && member.TryGetProperty("roles", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(x => x.GetString()).OfType<string>().ToList()
            : [];
        message = new GatewayMessage(
            Str(d, "id") ?? string.Empty,
            Str(d, "channel_id") ?? string.Empty,
            Str(d, "guild_id"),
            Str(author, "id") ?? string.Empty,
            Str(author, "global_name") ?? Str(author, "username") ?? "unknown",
            author.TryGetProperty("bot", out var bot) && bot.ValueKind == JsonValueKind.True,
            Str(d, "webhook_id") is not null,
            d.TryGetProperty("type", out var t) && t.TryGetInt32(out var type) ? type : 0,
            Str(d, "content") ?? string.Empty,
            mentions,
            roles);
        return message.Id.Length > 0 && message.ChannelId.Length > 0;
    }
}
