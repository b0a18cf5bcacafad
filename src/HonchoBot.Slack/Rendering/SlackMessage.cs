using System.Text.Json.Nodes;

namespace HonchoBot.Slack.Rendering;

/// <summary>
/// A message body: mrkdwn <paramref name="Text"/> (the notification and screen-reader fallback, ≤ 4,000 chars)
/// and optional Block Kit <paramref name="Blocks"/>.
/// </summary>
public sealed record SlackMessage(string Text, JsonArray? Blocks = null)
{
    /// <summary>Slack's advice for <c>text</c> (docs/platform-protocols.md).</summary>
    public const int MaxTextLength = 4000;

    /// <summary>Adds <c>text</c> and <c>blocks</c> (a fresh copy: nodes have one parent) to a payload.</summary>
    public JsonObject WriteTo(JsonObject payload)
    {
        payload["text"] = Text;
        if (Blocks is not null)
        {
            payload["blocks"] = Blocks.DeepClone();
        }

        return payload;
    }

    /// <summary>A one-section message from already-escaped mrkdwn.</summary>
    public static SlackMessage Plain(string mrkdwn) =>
        new(SlackText.Fit(mrkdwn, MaxTextLength), [BlockKit.Section(mrkdwn)]);
}

/// <summary>Block builders that enforce the per-block limits (docs/platform-protocols.md).</summary>
public static class BlockKit
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxContextElements = 10;
    public const int MaxContextElementText = 2000;

    public static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackText.Fit(NonEmpty(mrkdwn), MaxSectionText) },
    };

    public static JsonObject Context(IEnumerable<string> mrkdwnElements)
    {
        var elements = new JsonArray();
        foreach (var element in mrkdwnElements.Where(e => !string.IsNullOrWhiteSpace(e)).Take(MaxContextElements))
        {
            elements.Add(new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackText.Fit(element, MaxContextElementText) });
        }

        if (elements.Count == 0)
        {
            elements.Add(new JsonObject { ["type"] = "mrkdwn", ["text"] = " " });
        }

        return new JsonObject { ["type"] = "context", ["elements"] = elements };
    }

    public static JsonObject Divider() => new() { ["type"] = "divider" };

    private static string NonEmpty(string text) => string.IsNullOrWhiteSpace(text) ? " " : text;
}
