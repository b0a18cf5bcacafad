using System.Text.Json.Nodes;
using HonchoBot.Core.Sources;

namespace HonchoBot.Slack.Commands;

/// <summary>
/// The "add a source" modal: pasted text or a URL, plus
/// optional title, author, publisher, published date and notes.
/// </summary>
public static class SourceAddModal
{
    public const string CallbackId = "honcho_source_add";

    private static readonly (string Id, string Label, bool Multiline, int Max)[] Fields =
    [
        ("text", "Pasted text", true, 3000),
        ("url", "…or a URL to fetch", false, 2000),
        ("title", "Title", false, 300),
        ("author", "Author", false, 200),
        ("publisher", "Publisher", false, 200),
        ("published", "Published (YYYY, YYYY-MM or YYYY-MM-DD)", false, 10),
        ("notes", "Notes: perspective, provenance, caveats", true, 1000),
    ];

    /// <summary>Where the modal was opened, kept in its <c>private_metadata</c> as <c>{"team","channel"}</c>.</summary>
    public sealed record Origin(string? Team, string? Channel);

    public static JsonObject Build(string teamId, string channelId)
    {
        var blocks = new JsonArray();
        foreach (var (id, label, multiline, max) in Fields)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = id,
                ["optional"] = true,
                ["label"] = new JsonObject { ["type"] = "plain_text", ["text"] = label },
                ["element"] = new JsonObject
                {
                    ["type"] = "plain_text_input",
                    ["action_id"] = "value",
                    ["multiline"] = multiline,
                    ["max_length"] = max,
                },
            });
        }

        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = CallbackId,
            ["private_metadata"] = new JsonObject { ["team"] = teamId, ["channel"] = channelId }.ToJsonString(),
            ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Add a source" },
            ["submit"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Add" },
            ["close"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Cancel" },
            ["blocks"] = blocks,
        };
    }

    /// <summary>Reads a <c>view_submission</c>: the request, or the field errors to show in the modal.</summary>
    public static (SourceAddRequest? Request, JsonObject? Errors) Read(SlackView view)
    {
        string? Value(string block) =>
            view.State?.Values?.GetValueOrDefault(block)?.GetValueOrDefault("value")?.Value is { } v && !string.IsNullOrWhiteSpace(v)
                ? v.Trim()
                : null;

        var text = Value("text");
        var url = Value("url");
        if (text is null && url is null)
        {
            return (null, new JsonObject { ["text"] = "Paste the text, or give a URL below." });
        }

        if (text is not null && url is not null)
        {
            return (null, new JsonObject { ["url"] = "Give pasted text or a URL, not both (the URL can go in the text's metadata later)." });
        }

        SourceInput input = text is not null ? new SourceInput.FromText(text) : new SourceInput.FromUrl(url!);
        var metadata = new SourceMetadata(Value("title"), Value("author"), Value("publisher"), text is not null ? null : url, Value("published"), Value("notes"));
        return (new SourceAddRequest(input, metadata), null);
    }
}
