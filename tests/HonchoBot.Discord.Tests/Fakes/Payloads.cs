using System.Text.Json.Nodes;

namespace HonchoBot.Discord.Tests.Fakes;

/// <summary>Discord-shaped payloads (docs/platform-protocols.md) for the fake to deliver.</summary>
public static class Payloads
{
    public const string GuildId = "1300000000000000003";
    public const string ChannelId = "1300000000000000004";
    public const string UserId = "1300000000000000005";
    public const string ModeratorRoleId = "1300000000000000099";

    private static long _nextId = 1400000000000000000;

    public static string NewId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject Ping() => new()
    {
        ["id"] = NewId(),
        ["application_id"] = FakeDiscord.ApplicationId,
        ["type"] = 1,
        ["token"] = "ping-token-" + NewId(),
        ["version"] = 1,
    };

    /// <summary>A slash command in a guild by a member with <paramref name="permissions"/> (a bit set as a string).</summary>
    public static JsonObject Command(string name, JsonArray? options = null, string permissions = "0", string[]? roles = null, string userId = UserId, string? guildId = GuildId)
    {
        var payload = Base(2, userId, permissions, roles, guildId);
        payload["data"] = new JsonObject { ["id"] = NewId(), ["name"] = name, ["type"] = 1, ["options"] = options ?? [] };
        return payload;
    }

    public static JsonObject Autocomplete(string name, JsonArray options, string permissions = "32")
    {
        var payload = Base(4, UserId, permissions, null, GuildId);
        payload["data"] = new JsonObject { ["id"] = NewId(), ["name"] = name, ["type"] = 1, ["options"] = options };
        return payload;
    }

    public static JsonObject Button(string customId, string messageId, string userId = UserId, string permissions = "0")
    {
        var payload = Base(3, userId, permissions, null, GuildId);
        payload["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        payload["message"] = new JsonObject { ["id"] = messageId, ["channel_id"] = ChannelId, ["author"] = new JsonObject { ["id"] = FakeDiscord.BotUserId } };
        return payload;
    }

    public static JsonObject ModalSubmit(string customId, Dictionary<string, string> values, string permissions = "32")
    {
        var payload = Base(5, UserId, permissions, null, GuildId);
        var rows = new JsonArray();
        foreach (var (id, value) in values)
        {
            rows.Add(new JsonObject
            {
                ["type"] = 1,
                ["components"] = new JsonArray { new JsonObject { ["type"] = 4, ["custom_id"] = id, ["value"] = value } },
            });
        }

        payload["data"] = new JsonObject { ["custom_id"] = customId, ["components"] = rows };
        return payload;
    }

    public static JsonObject Option(string name, string value) => new() { ["name"] = name, ["type"] = 3, ["value"] = value };

    public static JsonObject Sub(string name, params JsonObject[] options) =>
        new() { ["name"] = name, ["type"] = 1, ["options"] = new JsonArray(options.Select(o => (JsonNode)o).ToArray()) };

    /// <summary>MESSAGE_CREATE (docs/platform-protocols.md): <paramref name="mentions"/> lists mentioned user ids.</summary>
    public static JsonObject Message(string content, string[]? mentions = null, bool authorIsBot = false, string authorId = UserId, string? guildId = GuildId, string channelId = ChannelId)
    {
        var message = new JsonObject
        {
            ["id"] = NewId(),
            ["channel_id"] = channelId,
            ["author"] = new JsonObject { ["id"] = authorId, ["username"] = "ivan", ["bot"] = authorIsBot },
            ["content"] = content,
            ["type"] = 0,
            ["mentions"] = new JsonArray((mentions ?? []).Select(m => (JsonNode)new JsonObject { ["id"] = m, ["username"] = "x" }).ToArray()),
            ["mention_roles"] = new JsonArray(),
            ["attachments"] = new JsonArray(),
            ["embeds"] = new JsonArray(),
        };
        if (guildId is not null)
        {
            message["guild_id"] = guildId;
            message["member"] = new JsonObject { ["roles"] = new JsonArray() };
        }

        return message;
    }

    private static JsonObject Base(int type, string userId, string permissions, string[]? roles, string? guildId)
    {
        var payload = new JsonObject
        {
            ["id"] = NewId(),
            ["application_id"] = FakeDiscord.ApplicationId,
            ["type"] = type,
            ["token"] = "aW50ZXJhY3Rpb24.secret-token-" + NewId(),
            ["version"] = 1,
            ["channel_id"] = ChannelId,
            ["app_permissions"] = "2147483647",
        };
        var user = new JsonObject { ["id"] = userId, ["username"] = "ivan", ["global_name"] = "Ivan" };
        if (guildId is not null)
        {
            payload["guild_id"] = guildId;
            payload["member"] = new JsonObject
            {
                ["user"] = user,
                ["roles"] = new JsonArray((roles ?? []).Select(r => (JsonNode)r).ToArray()),
                ["permissions"] = permissions,
            };
        }
        else
        {
            payload["user"] = user;
        }

        return payload;
    }
}
