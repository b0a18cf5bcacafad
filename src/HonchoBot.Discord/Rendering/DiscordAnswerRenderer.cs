using System.Globalization;
using System.Text;
using HonchoBot.Core.Answers;
using HonchoBot.Discord.Rest;

namespace HonchoBot.Discord.Rendering;

/// <summary>
/// Turns a platform-neutral <see cref="Answer"/> into a Discord message: lead excerpts with [n] markers,
/// numbered sources, a "Sources disagree" section, a footer hint — always within every limit of
/// docs/platform-protocols.md, and always with <c>allowed_mentions: {"parse": []}</c>.
/// </summary>
public sealed class DiscordAnswerRenderer
{
    public const int AnsweredColor = 0x5865F2;
    public const int DisagreementColor = 0xE67E22;
    public const int NoAnswerColor = 0x95A5A6;

    /// <summary>Prefix of the delete button's custom id: <c>honcho:del:{askerId}</c>.</summary>
    public const string DeleteButtonPrefix = "honcho:del:";

    /// <summary>Prefix of the "About [n]" buttons: <c>honcho:about:{sourceId}</c>.</summary>
    public const string AboutButtonPrefix = "honcho:about:";

    /// <summary>Prefix of the 👍 button: <c>honcho:up:{answerId}</c> (the id of <see cref="Answer.FeedbackId"/>).</summary>
    public const string VoteUpPrefix = "honcho:up:";

    /// <summary>Prefix of the 👎 button: <c>honcho:down:{answerId}</c>.</summary>
    public const string VoteDownPrefix = "honcho:down:";

    /// <summary>Prefix of the reasons offered after a 👎: <c>honcho:why:{answerId}:{w|m}</c> (wrong source, missing answer).</summary>
    public const string VoteReasonPrefix = "honcho:why:";

    private const string Footer = "Excerpts are quoted verbatim from the cited sources · /sources lists the library · /help";

    /// <summary>Renders an answer. <paramref name="askerId"/> gets a delete button (asker or a moderator may use it).</summary>
    public DiscordMessage Render(Answer answer, string? askerId = null)
    {
        if (answer.Status != AnswerStatus.Answered || answer.Citations.Count == 0)
        {
            return RenderStatus(answer);
        }

        var hasDisagreement = answer.Disagreements.Count > 0;
        var description = new StringBuilder();
        foreach (var c in answer.Citations.OrderBy(c => c.N))
        {
            if (description.Length > 0)
            {
                description.Append("\n\n");
            }

            description.Append("> ").Append(DiscordText.Escape(c.Excerpt).Replace("\n", "\n> ", StringComparison.Ordinal))
                .Append(CultureInfo.InvariantCulture, $" **[{c.N}]**");
        }

        var fields = new List<EmbedField>();
        foreach (var d in answer.Disagreements)
        {
            fields.Add(DisagreementField(d));
        }

        foreach (var c in answer.Citations.OrderBy(c => c.N))
        {
            fields.Add(SourceField(c));
        }

        var embed = new Embed
        {
            Title = DiscordText.Truncate(DiscordText.Escape(answer.Question.ReplaceLineEndings(" ")), DiscordLimits.EmbedTitle),
            Description = description.ToString(),
            Color = hasDisagreement ? DisagreementColor : AnsweredColor,
            Fields = fields,
            Footer = new EmbedFooter(Footer),
        };

        return new DiscordMessage
        {
            Embeds = [FitEmbed(embed)],
            Components = Buttons(answer, askerId),
        };
    }

    /// <summary>Any status but answered: a short line saying what happened and what to do.</summary>
    public DiscordMessage RenderStatus(Answer answer)
    {
        var text = StatusText(answer.Status, answer.Message);
        return new DiscordMessage
        {
            Embeds =
            [
                new Embed
                {
                    Description = DiscordText.Truncate(text, DiscordLimits.EmbedDescription),
                    Color = NoAnswerColor,
                },
            ],
        };
    }

    public static string StatusText(AnswerStatus status, string? message)
    {
        var detail = string.IsNullOrWhiteSpace(message) ? null : DiscordText.Escape(message.Trim());
        return status switch
        {
            AnswerStatus.NoAnswer => detail ?? "I couldn't find that in my sources. Try rephrasing, or ask about the Soviet air war in Korea.",
            AnswerStatus.Invalid => detail ?? "Please ask a question of up to 2,000 characters.",
            AnswerStatus.Busy => "I'm answering a lot of questions right now — please try again in a minute.",
            AnswerStatus.RateLimited => "You're asking faster than I can answer — please wait a minute and try again.",
            AnswerStatus.NotReady => "I'm still loading my library — please try again in a moment.",
            AnswerStatus.Error => detail ?? "Something went wrong on my side. Please try again later.",
            _ => detail ?? "No answer.",
        };
    }

    private static EmbedField DisagreementField(Disagreement d)
    {
        var kind = d.Kind switch
        {
            DisagreementKind.Conflict => "conflicting figures",
            DisagreementKind.DifferentMeasure => "different measures",
            DisagreementKind.ChangeOverTime => "changed over time",
            _ => "disagreement",
        };
        var value = new StringBuilder();
        value.Append('*').Append(DiscordText.Escape(d.Note)).Append('*');
        foreach (var claim in d.Claims)
        {
            value.Append(CultureInfo.InvariantCulture, $"\n• **[{claim.Citation}]** {DiscordText.Escape(claim.Value)}: “{DiscordText.Escape(claim.Statement)}”");
        }

        return new EmbedField(
            DiscordText.Truncate($"⚠️ Sources disagree: {DiscordText.Escape(d.Topic)} ({kind})", DiscordLimits.FieldName),
            DiscordText.Truncate(value.ToString(), DiscordLimits.FieldValue));
    }

    private static EmbedField SourceField(Citation c)
    {
        var line = new List<string>();
        if (!string.IsNullOrWhiteSpace(c.Author))
        {
            line.Add(DiscordText.Escape(c.Author));
        }

        if (!string.IsNullOrWhiteSpace(c.Publisher))
        {
            line.Add(DiscordText.Escape(c.Publisher));
        }

        if (!string.IsNullOrWhiteSpace(c.Published))
        {
            line.Add(DiscordText.Escape(c.Published));
        }

        line.Add(DiscordText.Escape(c.Location));
        var value = string.Join(" · ", line);
        value += IsLinkable(c.Url) ? $"\n<{c.Url}>" : $"\n`{c.SourceId.Replace("`", string.Empty, StringComparison.Ordinal)}`";

        // The source's perspective travels with every citation of it; the field's limit cuts a long note.
        if (!string.IsNullOrWhiteSpace(c.Notes))
        {
            value += $"\n*Note: {DiscordText.Escape(c.Notes.ReplaceLineEndings(" "))}*";
        }
        return new EmbedField(
            DiscordText.Truncate($"[{c.N}] {DiscordText.Escape(c.Title)}", DiscordLimits.FieldName),
            DiscordText.Truncate(value, DiscordLimits.FieldValue));
    }

    private static IReadOnlyList<ActionRow>? Buttons(Answer answer, string? askerId)
    {
        // Link buttons open the cited pages without an interaction; the delete button lets the asker
        // (or a moderator) remove the reply (docs/architecture.md).
        var buttons = answer.Citations
            .Where(c => IsLinkable(c.Url) && c.Url!.Length <= DiscordLimits.LinkUrl)
            .OrderBy(c => c.N)
            .Take(DiscordLimits.ButtonsPerRow - (askerId is null ? 0 : 1))
            .Select(c => Component.LinkButton(c.Url!, DiscordText.Truncate($"[{c.N}] {c.Title}", 40)))
            .ToList();
        if (askerId is not null)
        {
            buttons.Add(Component.Button(DeleteButtonPrefix + askerId, "Delete", style: 4));
        }

        // "About [n]" shows a source's metadata and notes (its perspective and caveats) as an ephemeral reply.
        var about = answer.Citations
            .OrderBy(c => c.N)
            .Select(c => c.SourceId)
            .Distinct(StringComparer.Ordinal)
            .Where(id => (AboutButtonPrefix + id).Length <= DiscordLimits.CustomId)
            .Take(DiscordLimits.ButtonsPerRow)
            .Select(id => Component.Button(
                AboutButtonPrefix + id,
                DiscordText.Truncate("About " + string.Join(", ", answer.Citations.Where(c => c.SourceId == id).Select(c => $"[{c.N}]")), DiscordLimits.ButtonLabel)))
            .ToList();

        var rows = new List<ActionRow>();
        if (buttons.Count > 0)
        {
            rows.Add(new ActionRow(buttons));
        }

        if (about.Count > 0)
        {
            rows.Add(new ActionRow(about));
        }

        // 👍 / 👎 for answers the pipeline kept for feedback; a 👎 then offers its reasons (FeedbackRow's reply).
        if (answer.FeedbackId is { } feedbackId)
        {
            rows.Add(new ActionRow(
            [
                Component.Button(VoteUpPrefix + feedbackId, "👍"),
                Component.Button(VoteDownPrefix + feedbackId, "👎"),
            ]));
        }

        return rows.Count == 0 ? null : rows;
    }

    private static bool IsLinkable(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);

    /// <summary>
    /// Enforces the per-part limits, then the 6000-character total: the description gives way first
    /// (cut at a sentence or word), then the longest field values, then trailing fields.
    /// </summary>
    internal static Embed FitEmbed(Embed embed)
    {
        var fields = (embed.Fields ?? []).Take(DiscordLimits.EmbedFields)
            .Select(f => new EmbedField(
                DiscordText.Truncate(f.Name, DiscordLimits.FieldName),
                DiscordText.Truncate(f.Value, DiscordLimits.FieldValue),
                f.Inline))
            .ToList();
        var title = embed.Title is null ? null : DiscordText.Truncate(embed.Title, DiscordLimits.EmbedTitle);
        var footer = embed.Footer is null ? null : new EmbedFooter(DiscordText.Truncate(embed.Footer.Text, DiscordLimits.FooterText));
        var description = embed.Description is null ? null : DiscordText.Truncate(embed.Description, DiscordLimits.EmbedDescription);

        int Total() => (title?.Length ?? 0) + (description?.Length ?? 0) + (footer?.Text.Length ?? 0)
            + fields.Sum(f => f.Name.Length + f.Value.Length);

        const int minDescription = 600;
        var over = Total() - DiscordLimits.EmbedTotal;
        if (over > 0 && description is not null && description.Length > minDescription)
        {
            description = DiscordText.Truncate(description, Math.Max(minDescription, description.Length - over));
        }

        while ((over = Total() - DiscordLimits.EmbedTotal) > 0 && fields.Count > 0)
        {
            var longest = fields.Select((f, i) => (f, i)).MaxBy(x => x.f.Value.Length);
            if (longest.f.Value.Length > 200)
            {
                var target = Math.Max(200, longest.f.Value.Length - over);
                fields[longest.i] = longest.f with { Value = DiscordText.Truncate(longest.f.Value, target) };
            }
            else
            {
                fields.RemoveAt(fields.Count - 1);
            }
        }

        if ((over = Total() - DiscordLimits.EmbedTotal) > 0 && description is not null)
        {
            description = DiscordText.Truncate(description, Math.Max(1, description.Length - over));
        }

        return embed with { Title = title, Description = description, Footer = footer, Fields = fields.Count == 0 ? null : fields };
    }
}
