using System.Text.Json;
using HonchoBot.Core.Pipeline;
using HonchoBot.Slack.Answering;
using HonchoBot.Slack.Rendering;
using HonchoBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Slack.Moderation;

/// <summary>
/// The "Delete HonchoBot reply" message shortcut (DESIGN.md "Also expected by operators": the asker or a
/// moderator can delete a bot reply). Only the bot's own messages; the asker is read from the reply's first
/// <c>block_id</c>; moderator status is re-checked on every use.
/// </summary>
public sealed partial class SlackReplyDeleter(
    IQuestionQueue queue,
    SlackIdentity identity,
    SlackModeratorPolicy moderators,
    ISlackApi api,
    SlackReplier replier,
    SlackBackgroundSender notes,
    ILogger<SlackReplyDeleter> logger)
{
    public const string CallbackId = "honcho_delete";

    /// <summary>Handles a <c>message_action</c> payload; the work runs after the ack.</summary>
    public SlackAck Handle(JsonElement payload)
    {
        var channel = Nested(payload, "channel", "id");
        var user = Nested(payload, "user", "id");
        if (channel is null || user is null || !payload.TryGetProperty("message", out var message) || Get(message, "ts") is not { } ts)
        {
            return SlackAck.Empty;
        }

        SlackReplyTarget target = Get(payload, "response_url") is { Length: > 0 } url
            ? new SlackReplyTarget.ToResponseUrl(channel, user, url)
            : new SlackReplyTarget.InChannel(channel, user);
        var self = identity.Current;
        var isOwn = self is not null && (Get(message, "bot_id") is { } bot && bot == self.BotId || Get(message, "user") == self.UserId);
        var correlationId = SlackQuestionDispatcher.NewCorrelationId();
        if (!isOwn)
        {
            return new SlackAck(AfterAck: () => notes.Send(target, SlackMessage.Plain("I can only delete my own replies."), false, correlationId));
        }

        var asker = message.TryGetProperty("blocks", out var blocks) ? SlackAnswerRenderer.ReadAsker(blocks) : null;
        var work = new QueuedWork("slack delete reply", correlationId, async (_, ct) =>
        {
            var allowed = user == asker || await moderators.IsModeratorAsync(user, ct);
            SlackMessage reply;
            if (!allowed)
            {
                reply = SlackMessage.Plain(":no_entry: Only the person who asked, or a moderator, can delete this reply.");
            }
            else
            {
                try
                {
                    await api.DeleteMessageAsync(channel, ts, ct);
                    LogDeleted(logger, user, channel, correlationId);
                    reply = SlackMessage.Plain(":wastebasket: Deleted.");
                }
                catch (SlackApiException ex)
                {
                    reply = SlackMessage.Plain(":warning: Slack would not delete it (`" + SlackText.Escape(ex.Error) + "`).");
                }
            }

            await replier.SendAsync(target, reply, false, ct);
        });
        return new SlackAck(AfterAck: () =>
        {
            if (!queue.TryEnqueue(work))
            {
                notes.Send(target, SlackMessage.Plain(SlackAnswerRenderer.DefaultMessage(Core.Answers.AnswerStatus.Busy)), false, correlationId);
            }
        });
    }

    private static string? Nested(JsonElement element, string outer, string inner) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(outer, out var o) ? Get(o, inner) : null;

    private static string? Get(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack user {UserId} deleted a bot reply in {ChannelId} (correlation {CorrelationId})")]
    private static partial void LogDeleted(ILogger logger, string userId, string channelId, string correlationId);
}
