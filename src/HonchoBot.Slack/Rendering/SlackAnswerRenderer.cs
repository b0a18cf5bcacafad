using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using HonchoBot.Core.Answers;
using HonchoBot.Slack.Commands;

namespace HonchoBot.Slack.Rendering;

/// <summary>
/// Turns a platform-neutral <see cref="Answer"/> into Block Kit: each excerpt in a section with its [n] marker,
/// its source in a context block with a <c>&lt;url|title&gt;</c> link, and a "Sources disagree" section.
/// All corpus and user text is escaped, here and nowhere else, so no corpus text reaches Slack unescaped; every
/// Block Kit limit is enforced here, with a plain-text fallback in <c>text</c>.
/// </summary>
public sealed class SlackAnswerRenderer
{
    /// <summary>Prefix of the first block's <c>block_id</c> that records who asked, so they may delete the reply.</summary>
    public const string AskerBlockIdPrefix = "honcho-asker-";

    /// <summary><c>action_id</c> of the 👍 button; its <c>value</c> is the answer's <see cref="Answer.FeedbackId"/>.</summary>
    public const string VoteUpActionId = "honcho_vote_up";

    /// <summary><c>action_id</c> of the 👎 button; its <c>value</c> is the answer's id.</summary>
    public const string VoteDownActionId = "honcho_vote_down";

    /// <summary>
    /// <c>action_id</c> prefix of the reasons offered after a 👎 (action ids must differ within a block):
    /// <c>honcho_vote_reason_w</c> (wrong source) and <c>honcho_vote_reason_m</c> (missing answer); <c>value</c> is the answer's id.
    /// </summary>
    public const string VoteReasonActionPrefix = "honcho_vote_reason_";

    /// <summary><c>action_id</c> of the 🗑 button: the asker or a moderator deletes the reply (as the message shortcut does).</summary>
    public const string DeleteActionId = "honcho_delete";

    /// <summary>Renders an answer; <paramref name="askerId"/>, when given, is recorded in the first block's id.</summary>
    public SlackMessage Render(Answer answer, string? askerId = null)
    {
        var message = RenderBlocks(answer);
        if (askerId is not null && message.Blocks is { Count: > 0 } blocks && blocks[0] is JsonObject first)
        {
            first["block_id"] = AskerBlockIdPrefix + askerId;
        }

        // 👍 / 👎 (and 🗑 when the asker is known) under an answer with citations.
        if (answer.Status == AnswerStatus.Answered && answer.Citations.Count > 0 && message.Blocks is { Count: > 0 } all
            && Buttons(answer.FeedbackId, askerId) is { } actions)
        {
            if (all.Count >= BlockKit.MaxBlocks)
            {
                all.RemoveAt(all.Count - 1);
            }

            all.Add(actions);
        }

        return message;
    }

    /// <summary>The asker recorded by <see cref="Render"/> in a message's blocks, if any.</summary>
    public static string? ReadAsker(IReadOnlyList<SlackBlockRef?>? blocks) =>
        blocks is [{ BlockId: { } blockId }, ..] && blockId.StartsWith(AskerBlockIdPrefix, StringComparison.Ordinal)
            ? blockId[AskerBlockIdPrefix.Length..]
            : null;

    private static JsonObject? Buttons(string? feedbackId, string? askerId)
    {
        var elements = new JsonArray();
        if (feedbackId is not null)
        {
            elements.Add(BlockKit.Button(VoteUpActionId, ":+1:", feedbackId));
            elements.Add(BlockKit.Button(VoteDownActionId, ":-1:", feedbackId));
        }

        if (askerId is not null)
        {
            elements.Add(BlockKit.Button(DeleteActionId, ":wastebasket: Delete", "delete"));
        }

        return elements.Count == 0 ? null : BlockKit.Actions("honcho-feedback", elements);
    }

    private static SlackMessage RenderBlocks(Answer answer)
    {
        if (answer.Status != AnswerStatus.Answered || answer.Citations.Count == 0)
        {
            return SlackMessage.Plain(SlackText.Escape(answer.Message ?? DefaultMessage(answer.Status)));
        }

        var blocks = new List<JsonObject>();
        var fallback = new StringBuilder();
        foreach (var citation in answer.Citations.OrderBy(c => c.N))
        {
            var marker = string.Create(CultureInfo.InvariantCulture, $"[{citation.N}]");
            blocks.Add(BlockKit.Section($"*{marker}* “{SlackText.Escape(citation.Excerpt)}”"));
            blocks.Add(BlockKit.Context(SourceLine(citation)));
            fallback.Append(marker).Append(' ').Append(SlackText.Escape(citation.Excerpt))
                .Append(" — ").Append(SlackText.Escape(citation.Title)).Append('\n');
        }

        if (answer.Disagreements.Count > 0)
        {
            blocks.Add(BlockKit.Divider());
            blocks.Add(BlockKit.Section(":warning: *Sources disagree*"));
            fallback.Append("Sources disagree: ");
            foreach (var disagreement in answer.Disagreements)
            {
                blocks.Add(BlockKit.Section(Describe(disagreement)));
                fallback.Append(SlackText.Escape(disagreement.Topic)).Append("; ");
            }
        }

        return new SlackMessage(SlackText.Fit(fallback.ToString().TrimEnd(), SlackMessage.MaxTextLength), Limit(blocks));
    }

    private static IEnumerable<string> SourceLine(Citation citation)
    {
        yield return SlackText.Link(citation.Url, citation.Title);
        if (!string.IsNullOrWhiteSpace(citation.Author))
        {
            yield return SlackText.Escape(citation.Author);
        }

        if (!string.IsNullOrWhiteSpace(citation.Publisher))
        {
            yield return SlackText.Escape(citation.Publisher);
        }

        if (!string.IsNullOrWhiteSpace(citation.Published))
        {
            yield return SlackText.Escape(citation.Published);
        }

        yield return SlackText.Escape(citation.Location);
        yield return "`" + SlackText.Escape(citation.SourceId).Replace("`", "'", StringComparison.Ordinal) + "`";

        // The source's perspective travels with every citation of it.
        if (!string.IsNullOrWhiteSpace(citation.Notes))
        {
            yield return "_Note: " + SlackText.Escape(citation.Notes.ReplaceLineEndings(" ")) + "_";
        }
    }

    private static string Describe(Disagreement disagreement)
    {
        var kind = disagreement.Kind switch
        {
            DisagreementKind.Conflict => "conflicting figures",
            DisagreementKind.DifferentMeasure => "different measures",
            DisagreementKind.ChangeOverTime => "changed over time",
            _ => "disagreement",
        };
        var text = new StringBuilder()
            .Append('*').Append(SlackText.Escape(disagreement.Topic)).Append("* (").Append(kind).Append(")\n")
            .Append('_').Append(SlackText.Escape(disagreement.Note)).Append('_');
        foreach (var claim in disagreement.Claims)
        {
            text.Append("\n• [").Append(claim.Citation.ToString(CultureInfo.InvariantCulture)).Append("] ")
                .Append(SlackText.Escape(claim.Statement))
                .Append(" — *").Append(SlackText.Escape(claim.Value)).Append('*');
        }

        return text.ToString();
    }

    /// <summary>50 blocks per message: past that, the tail is replaced by a note (docs/platform-protocols.md).</summary>
    private static JsonArray Limit(List<JsonObject> blocks)
    {
        if (blocks.Count > BlockKit.MaxBlocks)
        {
            var omitted = blocks.Count - (BlockKit.MaxBlocks - 1);
            blocks = blocks.Take(BlockKit.MaxBlocks - 1).ToList();
            blocks.Add(BlockKit.Context([string.Create(CultureInfo.InvariantCulture, $"_{omitted} more blocks omitted to fit Slack's limits._")]));
        }

        return new JsonArray([.. blocks]);
    }

    internal static string DefaultMessage(AnswerStatus status) => status switch
    {
        AnswerStatus.NoAnswer => "I couldn't find anything in my sources that answers that.",
        AnswerStatus.Invalid => "Please ask a question of up to 2,000 characters.",
        AnswerStatus.Busy => "I'm answering a lot of questions right now — please try again in a minute.",
        AnswerStatus.RateLimited => "You're asking quickly — please wait a minute before the next question.",
        AnswerStatus.NotReady => "I'm still building my index — please try again shortly.",
        _ => "Sorry, something went wrong answering that.",
    };
}
