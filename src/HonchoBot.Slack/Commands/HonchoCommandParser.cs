using System.Globalization;
using HonchoBot.Slack.Events;

namespace HonchoBot.Slack.Commands;

/// <summary>Pure parser for the text after <c>/honcho</c>.</summary>
public static class HonchoCommandParser
{
    /// <summary>Days <c>/honcho gaps</c> looks back without a number.</summary>
    public const int GapsDefaultDays = 30;

    public static HonchoCommand Parse(string rawText)
    {
        var text = SlackEventMapper.ToPlainText(rawText, botUserId: "-");
        var (verb, rest) = Split(text);
        switch (verb.ToLowerInvariant())
        {
            case "" or "help":
                return new HonchoCommand.Help();
            case "ask":
                return rest.Length == 0 ? new HonchoCommand.Usage("Usage: `/honcho ask <question>`") : new HonchoCommand.Ask(rest);
            case "fact":
                return rest.Length == 0 ? new HonchoCommand.Usage("Usage: `/honcho fact <question>`") : new HonchoCommand.Fact(rest);
            case "sources":
                return ParsePage(rest) is int page ? new HonchoCommand.Sources(page) : new HonchoCommand.Usage("Usage: `/honcho sources [page]`");
            case "source":
                return ParseSource(rest);
            case "gaps":
                return rest.Length == 0 ? new HonchoCommand.Gaps(GapsDefaultDays)
                    : int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 3650 ? new HonchoCommand.Gaps(days)
                    : new HonchoCommand.Usage("Usage: `/honcho gaps [days]` (1 to 3650, default 30)");
            default:
                // "/honcho how many MiGs…" is a question too.
                return new HonchoCommand.Ask(text);
        }
    }

    private static HonchoCommand ParseSource(string text)
    {
        var (sub, rest) = Split(text);
        var id = rest.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return sub.ToLowerInvariant() switch
        {
            "add" => new HonchoCommand.SourceAdd(rest.Length == 0 ? null : rest),
            "list" => ParsePage(rest) is int page ? new HonchoCommand.Sources(page) : new HonchoCommand.Usage("Usage: `/honcho source list [page]`"),
            "remove" when id is not null => new HonchoCommand.SourceRemove(id),
            "hide" when id is not null => new HonchoCommand.SourceHide(id),
            "unhide" when id is not null => new HonchoCommand.SourceUnhide(id),
            "remove" or "hide" or "unhide" => new HonchoCommand.Usage($"Usage: `/honcho source {sub.ToLowerInvariant()} <id>` (ids are shown by `/honcho sources`)"),
            "audit" => new HonchoCommand.SourceAudit(),
            _ => new HonchoCommand.Usage("Usage: `/honcho source add <url>|remove <id>|hide <id>|unhide <id>|list|audit`"),
        };
    }

    private static int? ParsePage(string text)
    {
        if (text.Length == 0)
        {
            return 1;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : null;
    }

    private static (string Verb, string Remainder) Split(string text)
    {
        var trimmed = text.Trim();
        var space = trimmed.IndexOfAny([' ', '\n', '\t']);
        return space < 0 ? (trimmed, string.Empty) : (trimmed[..space], trimmed[(space + 1)..].Trim());
    }
}
