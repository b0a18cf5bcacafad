using System.Text.Json.Nodes;

namespace HonchoBot.Slack.Rendering;

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

    /// <summary>A button (emoji shortcodes in its text are shown as emoji); <paramref name="value"/> comes back in <c>block_actions</c>.</summary>
    public static JsonObject Button(string actionId, string text, string value) => new()
    {
        ["type"] = "button",
        ["action_id"] = actionId,
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true },
        ["value"] = value,
    };

    /// <summary>An actions block of up to 25 interactive elements.</summary>
    public static JsonObject Actions(string blockId, JsonArray elements) => new()
    {
        ["type"] = "actions",
        ["block_id"] = blockId,
        ["elements"] = elements,
    };

    private static string NonEmpty(string text) => string.IsNullOrWhiteSpace(text) ? " " : text;
}
