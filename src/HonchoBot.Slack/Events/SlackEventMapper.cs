using System.Text.RegularExpressions;
using HonchoBot.Slack.Rendering;

namespace HonchoBot.Slack.Events;

/// <summary>
/// Pure translation of an Events API inner event into a <see cref="SlackInboundMessage"/>, or null when the
/// event must be ignored: bots, the bot itself, edits, deletions and other subtypes (docs/platform-protocols.md).
/// </summary>
public static partial class SlackEventMapper
{
    /// <summary>Subtypes that are still a person speaking; everything else (bot_message, message_changed, message_deleted…) is ignored.</summary>
    private static readonly HashSet<string> AcceptedSubtypes = new(StringComparer.Ordinal) { "file_share", "thread_broadcast" };

    public static SlackInboundMessage? Map(string teamId, SlackEvent evt, string? botUserId, string? botId)
    {
        if (evt is not { User: { } user, Channel: { } channel, Ts: { } ts })
        {
            return null;
        }

        // Bots (including this one) and the bot's own user never get answers: that is how reply loops start.
        if (evt.BotId is not null || evt.BotProfile is not null || (botUserId is not null && user == botUserId) || (botId is not null && evt.BotId == botId))
        {
            return null;
        }

        // Edits arrive as message_changed (or with "edited" on the mention); answering again would duplicate.
        if ((evt.Subtype is { } subtype && !AcceptedSubtypes.Contains(subtype)) || evt.Edited is not null || evt.Hidden is not null)
        {
            return null;
        }

        bool isDirect;
        if (evt.Type == "app_mention")
        {
            isDirect = false;
        }
        else if (evt.Type == "message" && evt.ChannelType == "im")
        {
            isDirect = true;
        }
        else
        {
            return null;
        }

        var files = evt.Files?.Select(f => f?.Id).OfType<string>().ToList() ?? [];
        return new SlackInboundMessage(teamId, channel, user, ts, evt.ThreadTs ?? ts, ToPlainText(evt.Text, botUserId), files, isDirect);
    }

    /// <summary>
    /// Removes the bot mention, turns links into their URL, <c>&lt;#C1|name&gt;</c> and <c>&lt;@U1&gt;</c> into plain
    /// words, and undoes Slack's <c>&amp;amp; &amp;lt; &amp;gt;</c> escaping.
    /// </summary>
    public static string ToPlainText(string? text, string? botUserId)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var withoutBot = botUserId is null
            ? LeadingMention().Replace(text, string.Empty, 1)
            : text.Replace($"<@{botUserId}>", string.Empty, StringComparison.Ordinal);
        var plain = ControlSequence().Replace(withoutBot, m =>
        {
            var inner = m.Groups["inner"].Value;
            var bar = inner.IndexOf('|', StringComparison.Ordinal);
            var target = bar < 0 ? inner : inner[..bar];
            var label = bar < 0 ? null : inner[(bar + 1)..];
            return target[0] switch
            {
                '@' or '#' => string.IsNullOrEmpty(label) ? target : target[0] + label,
                '!' => string.IsNullOrEmpty(label) ? "@" + target[1..] : label,
                _ => target, // a link: the URL itself, which is what "source add <url>" needs
            };
        });
        return SlackText.Unescape(plain).Trim();
    }

    [GeneratedRegex(@"^\s*<@[A-Z0-9]+(\|[^>]*)?>")]
    private static partial Regex LeadingMention();

    [GeneratedRegex(@"<(?<inner>[^<>]+)>")]
    private static partial Regex ControlSequence();
}
