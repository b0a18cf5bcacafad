using System.Text.Json.Nodes;

namespace HonchoBot.Slack.Tests.Fakes;

/// <summary>Payloads shaped like Slack's (docs/platform-protocols.md).</summary>
public static class SlackPayloads
{
    public static JsonObject AppMention(string eventId, string text, string ts, string channel = "C0CHAN01", string user = "U0USER01", string? threadTs = null)
    {
        var evt = new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = user,
            ["text"] = text,
            ["ts"] = ts,
            ["channel"] = channel,
            ["event_ts"] = ts,
        };
        if (threadTs is not null)
        {
            evt["thread_ts"] = threadTs;
        }

        return Callback(eventId, evt);
    }

    public static JsonObject DirectMessage(string eventId, string text, string ts, string user = "U0USER01", string? subtype = null, JsonArray? files = null)
    {
        var evt = new JsonObject
        {
            ["type"] = "message",
            ["channel"] = "D0DM0001",
            ["channel_type"] = "im",
            ["user"] = user,
            ["text"] = text,
            ["ts"] = ts,
            ["event_ts"] = ts,
        };
        if (subtype is not null)
        {
            evt["subtype"] = subtype;
        }

        if (files is not null)
        {
            evt["files"] = files;
        }

        return Callback(eventId, evt);
    }

    public static JsonObject Callback(string eventId, JsonObject evt) => new()
    {
        ["token"] = "deprecated-verification-token",
        ["team_id"] = FakeSlack.TeamId,
        ["api_app_id"] = "A0001",
        ["event"] = evt,
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1700000000,
        ["authorizations"] = new JsonArray(new JsonObject
        {
            ["team_id"] = FakeSlack.TeamId, ["user_id"] = FakeSlack.BotUserId, ["is_bot"] = true, ["is_enterprise_install"] = false,
        }),
    };

    public static Dictionary<string, string> SlashCommand(string text, string responseUrl, string user = "U0USER01", string userName = "roadrunner") => new()
    {
        ["token"] = "deprecated-verification-token",
        ["team_id"] = FakeSlack.TeamId,
        ["team_domain"] = "honcho",
        ["channel_id"] = "C0CHAN01",
        ["channel_name"] = "korean-war",
        ["user_id"] = user,
        ["user_name"] = userName,
        ["command"] = "/honcho",
        ["text"] = text,
        ["api_app_id"] = "A0001",
        ["response_url"] = responseUrl,
        ["trigger_id"] = "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
    };

    public static string Form(Dictionary<string, string> fields) =>
        string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    public static JsonObject SlashCommandJson(Dictionary<string, string> fields)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in fields)
        {
            obj[key] = value;
        }

        return obj;
    }
}
