using System.Globalization;
using System.Text;
using HonchoBot.Core.Sources;

namespace HonchoBot.Slack.Rendering;

/// <summary>Library listings, change results, audit lines and help, escaped like answers.</summary>
public sealed class SlackSourceRenderer
{
    public SlackMessage Result(SourceResult result)
    {
        var icon = result.Outcome switch
        {
            SourceOutcome.Done => ":white_check_mark:",
            SourceOutcome.NotModerator or SourceOutcome.NotAllowed => ":no_entry:",
            _ => ":warning:",
        };
        var text = new StringBuilder(icon).Append(' ').Append(SlackText.Escape(result.Message));
        if (result.Source is { } source)
        {
            text.Append('\n').Append(Summary(source));
        }

        return SlackMessage.Plain(text.ToString());
    }

    public SlackMessage Refused(string what) =>
        SlackMessage.Plain(":no_entry: Only moderators can " + SlackText.Escape(what) + ". Ask a workspace moderator, or an admin to add you to `Slack:ModeratorUserIds`.");

    public SlackMessage Page(SourcePage page)
    {
        if (page.Items.Count == 0)
        {
            return SlackMessage.Plain(page.Total == 0 ? "The library is empty." : "No sources on that page.");
        }

        var blocks = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"*Sources* — page {page.Page} of {page.PageCount} ({page.Total} in all)"),
        };
        blocks.AddRange(page.Items.Select(Summary));
        if (page.Page < page.PageCount)
        {
            blocks.Add(string.Create(CultureInfo.InvariantCulture, $"_Next page: `/honcho sources {page.Page + 1}`_"));
        }

        var nodes = new System.Text.Json.Nodes.JsonArray();
        foreach (var block in blocks.Take(BlockKit.MaxBlocks))
        {
            nodes.Add(BlockKit.Section(block));
        }

        return new SlackMessage(SlackText.Fit(string.Join('\n', blocks), SlackMessage.MaxTextLength), nodes);
    }

    public SlackMessage Audit(IReadOnlyList<AuditEntry> entries)
    {
        if (entries.Count == 0)
        {
            return SlackMessage.Plain("No library changes recorded for this workspace yet.");
        }

        var lines = entries.Select(e => string.Create(CultureInfo.InvariantCulture,
            $"`{e.At:yyyy-MM-dd HH:mm}` {SlackText.Escape(e.DisplayName)} *{SlackText.Escape(e.Action)}* {SlackText.Escape(e.SourceId ?? "-")} → {SlackText.Escape(e.Outcome)}"));
        return SlackMessage.Plain("*Recent library changes*\n" + string.Join('\n', lines));
    }

    public static SlackMessage Help() => SlackMessage.Plain(
        "*HonchoBot* answers questions about the Soviet air role in the Korean War with short cited excerpts, and says when sources disagree.\n" +
        "• Mention me in a channel (`@HonchoBot how many MiGs did the Sabres claim?`) or send me a DM — I answer in a thread.\n" +
        "• `/honcho ask <question>` — up to three cited excerpts\n" +
        "• `/honcho fact <question>` — the single best excerpt\n" +
        "• `/honcho sources [page]` — what I know\n" +
        "*Moderators*\n" +
        "• `/honcho source add <url>` — add a web page (`/honcho source add` alone opens a form for pasted text)\n" +
        "• share a file with me and the words `add source` — add a document\n" +
        "• `/honcho source remove|hide|unhide <id>`, `/honcho source list`, `/honcho source audit`\n" +
        "• `/honcho gaps [days]` — unanswered and down-voted questions, grouped, most asked first\n" +
        "Under each answer: :+1: / :-1: to tell moderators how it did, and :wastebasket: for the asker or a moderator to delete it.");

    private static string Summary(SourceSummary source)
    {
        var line = new StringBuilder("• `").Append(SlackText.Escape(source.Id).Replace("`", "'", StringComparison.Ordinal)).Append("` ")
            .Append(SlackText.Link(source.Url, source.Title));
        if (!string.IsNullOrWhiteSpace(source.Publisher))
        {
            line.Append(" — ").Append(SlackText.Escape(source.Publisher));
        }

        if (!string.IsNullOrWhiteSpace(source.Published))
        {
            line.Append(", ").Append(SlackText.Escape(source.Published));
        }

        line.Append(string.Create(CultureInfo.InvariantCulture, $" ({source.Passages} passages"));
        if (source.IsHidden)
        {
            line.Append(", hidden here");
        }

        if (source.IsShipped || source.CommunityId is null)
        {
            line.Append(", global");
        }

        return line.Append(')').ToString();
    }
}
