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
