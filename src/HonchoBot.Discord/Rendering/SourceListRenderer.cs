using System.Globalization;
using System.Text;
using HonchoBot.Core.Sources;
using HonchoBot.Discord.Rest;

namespace HonchoBot.Discord.Rendering;

/// <summary>Renders the library listing and the audit trail as embeds within the limits of docs/platform-protocols.md.</summary>
public static class SourceListRenderer
{
    /// <summary>Prefix of the paging buttons: <c>honcho:sources:{page}</c> (everyone) or <c>honcho:srclist:{page}</c> (moderators).</summary>
    public const string SourcesPagePrefix = "honcho:sources:";

    public const string ModeratorListPagePrefix = "honcho:srclist:";

    public static DiscordMessage RenderPage(SourcePage page, bool isModeratorView)
    {
        if (page.Total == 0)
        {
            return DiscordMessage.Text("No sources yet. Moderators can add one with `/source add`.");
        }

        var sb = new StringBuilder();
        foreach (var s in page.Items)
        {
            var flags = new List<string>();
            if (s.IsShipped)
            {
                flags.Add("shipped");
            }
            else if (s.CommunityId is null)
            {
                flags.Add("global");
            }
            else
            {
                flags.Add("added here");
            }

            if (s.IsHidden)
            {
                flags.Add("hidden");
            }

            var meta = string.Join(" · ", new[] { s.Publisher, s.Published }.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => DiscordText.Escape(x!)));
            sb.Append(CultureInfo.InvariantCulture, $"**{DiscordText.Escape(s.Title)}**");
            if (meta.Length > 0)
            {
                sb.Append(" — ").Append(meta);
            }

            sb.Append(CultureInfo.InvariantCulture, $"\n`{s.Id.Replace("`", string.Empty, StringComparison.Ordinal)}` · {s.Passages} passages · {string.Join(", ", flags)}");
            if (isModeratorView && s.AddedBy is not null)
            {
                sb.Append(" · added by ").Append(DiscordText.Escape(s.AddedBy));
            }

            sb.Append("\n\n");
        }

        var prefix = isModeratorView ? ModeratorListPagePrefix : SourcesPagePrefix;
        var buttons = new List<Component>();
        if (page.Page > 1)
        {
            buttons.Add(Component.Button(prefix + (page.Page - 1).ToString(CultureInfo.InvariantCulture), "‹ Previous"));
        }

        if (page.Page < page.PageCount)
        {
            buttons.Add(Component.Button(prefix + (page.Page + 1).ToString(CultureInfo.InvariantCulture), "Next ›"));
        }

        var embed = new Embed
        {
            Title = isModeratorView ? "Sources in this server" : "What I know",
            Description = sb.ToString(),
            Color = DiscordAnswerRenderer.AnsweredColor,
            Footer = new EmbedFooter($"Page {page.Page} of {Math.Max(1, page.PageCount)} · {page.Total} sources"),
        };
        return new DiscordMessage
        {
            Embeds = [DiscordAnswerRenderer.FitEmbed(embed)],
            Components = buttons.Count == 0 ? null : [new ActionRow(buttons)],
        };
    }

    /// <summary>One source's metadata, notes and opening lines (the "About [n]" button).</summary>
    public static DiscordMessage RenderDetails(SourceDetails? details)
    {
        if (details is null)
        {
            return DiscordMessage.Text("That source is no longer in this server's library.");
        }

        var s = details.Summary;
        var fields = new List<EmbedField>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                fields.Add(new EmbedField(name, DiscordText.Truncate(DiscordText.Escape(value), DiscordLimits.FieldValue), Inline: true));
            }
        }

        Add("Author", details.Author);
        Add("Publisher", s.Publisher);
        Add("Published", s.Published);
        Add("Added by", s.AddedBy);
        fields.Add(new EmbedField("Id", $"`{s.Id.Replace("`", string.Empty, StringComparison.Ordinal)}` · {s.Passages} passages", Inline: true));
        if (!string.IsNullOrWhiteSpace(details.Notes))
        {
            fields.Add(new EmbedField("Notes", DiscordText.Truncate(DiscordText.Escape(details.Notes), DiscordLimits.FieldValue)));
        }

        var embed = new Embed
        {
            Title = DiscordText.Escape(s.Title),
            Url = Uri.TryCreate(s.Url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) ? s.Url : null,
            Description = "> " + DiscordText.Escape(details.FirstLines).Replace("\n", "\n> ", StringComparison.Ordinal),
            Color = DiscordAnswerRenderer.AnsweredColor,
            Fields = fields,
        };
        return new DiscordMessage { Embeds = [DiscordAnswerRenderer.FitEmbed(embed)] };
    }

    public static DiscordMessage RenderAudit(IReadOnlyList<AuditEntry> entries)
    {
        if (entries.Count == 0)
        {
            return DiscordMessage.Text("No source changes recorded in this server yet.");
        }

        var sb = new StringBuilder();
        foreach (var e in entries.Reverse())
        {
            sb.Append(CultureInfo.InvariantCulture, $"<t:{e.At.ToUnixTimeSeconds()}:f> **{DiscordText.Escape(e.Action)}**");
            if (e.SourceId is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $" `{e.SourceId.Replace("`", string.Empty, StringComparison.Ordinal)}`");
            }

            sb.Append(CultureInfo.InvariantCulture, $" by {DiscordText.Escape(e.DisplayName)} → {DiscordText.Escape(e.Outcome)}");
            if (!string.IsNullOrWhiteSpace(e.Detail))
            {
                sb.Append(" (").Append(DiscordText.Escape(DiscordText.Truncate(e.Detail, 200))).Append(')');
            }

            sb.Append('\n');
        }

        return new DiscordMessage
        {
            Embeds = [DiscordAnswerRenderer.FitEmbed(new Embed { Title = "Recent source changes (newest first)", Description = sb.ToString(), Color = DiscordAnswerRenderer.AnsweredColor })],
        };
    }
}
