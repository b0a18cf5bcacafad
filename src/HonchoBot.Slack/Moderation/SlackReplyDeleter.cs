using HonchoBot.Core.Pipeline;
using HonchoBot.Slack.Answering;
using HonchoBot.Slack.Commands;
using HonchoBot.Slack.Rendering;
using HonchoBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Slack.Moderation;

/// <summary>
/// The "Delete HonchoBot reply" message shortcut (docs/architecture.md: the asker or a
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
    public SlackAck Handle(SlackInteractionPayload payload)
    {
        if (payload is not { Channel.Id: { } channel, User.Id: { } user, Message: { Ts: { } ts } message })
        {
            return SlackAck.Empty;
        }

        SlackReplyTarget target = payload.ResponseUrl is { Length: > 0 } url
            ? new SlackReplyTarget.ToResponseUrl(channel, user, url)
            : new SlackReplyTarget.InChannel(channel, user);
        var self = identity.Current;
        var isOwn = self is not null && (message.BotId is { } bot && bot == self.BotId || message.User == self.UserId);
        var correlationId = CorrelationIds.New();
        if (!isOwn)
        {
            return new SlackAck(AfterAck: () => notes.Send(target, SlackMessage.Plain("I can only delete my own replies."), false, correlationId));
        }

        var asker = SlackAnswerRenderer.ReadAsker(message.Blocks);
        var work = new QueuedWork(ChatPlatform.Slack, "slack delete reply", correlationId, async (_, ct) =>
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

            try
            {
                await replier.SendAsync(target, reply, false, ct);
            }
            catch (SlackApiException ex)
            {
                // E.g. a response_url off Slack's hosts: refused before any request, and nobody left to tell.
                LogReplyFailed(logger, ex.Method, ex.Error, correlationId);
            }
        });
        return new SlackAck(AfterAck: () =>
        {
            if (!queue.TryEnqueue(work))
            {
                notes.Send(target, SlackMessage.Plain(SlackAnswerRenderer.DefaultMessage(Core.Answers.AnswerStatus.Busy)), false, correlationId);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replying to a delete shortcut failed: {Method} answered {Error} (correlation {CorrelationId})")]
    private static partial void LogReplyFailed(ILogger logger, string method, string error, string correlationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack user {UserId} deleted a bot reply in {ChannelId} (correlation {CorrelationId})")]
    private static partial void LogDeleted(ILogger logger, string userId, string channelId, string correlationId);
}
