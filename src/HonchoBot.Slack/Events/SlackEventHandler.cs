using System.Text.Json;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Slack.Answering;
using HonchoBot.Slack.Moderation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HonchoBot.Slack.Events;

/// <summary>
/// Reacts to one Events API callback, from HTTP or Socket Mode alike: de-duplicates by <c>event_id</c>, applies
/// the ignore rules, maps to a <see cref="Question"/> and — after the ack — enqueues the answer (docs/platform-protocols.md).
/// </summary>
public sealed partial class SlackEventHandler(
    EventIdCache seen,
    SlackIdentity identity,
    SlackAsking asking,
    SlackSourceActions sources,
    IOptionsMonitor<SlackOptions> options,
    ILogger<SlackEventHandler> logger)
{
    /// <summary>Handles a callback as Socket Mode delivers it; one that does not fit is acknowledged and dropped.</summary>
    public SlackAck Handle(JsonElement callback) =>
        SlackInbound.TryRead(callback, SlackInboundJson.Default.SlackEventCallback, logger, out var typed) ? Handle(typed) : SlackAck.Empty;

    public SlackAck Handle(SlackEventCallback callback)
    {
        if (callback.Type != "event_callback")
        {
            if (callback.Type == "app_rate_limited")
            {
                LogAppRateLimited(logger);
            }

            return SlackAck.Empty;
        }

        // Retries (x-slack-retry-num / retry_attempt) carry the same event_id: answer once (docs/platform-protocols.md).
        if (callback.EventId is { } eventId && !seen.TryMarkNew(eventId))
        {
            LogDuplicate(logger, eventId);
            return SlackAck.Empty;
        }

        var teamId = callback.TeamId ?? callback.ContextTeamId ?? "unknown";
        if (callback.Event is not { } evt)
        {
            return SlackAck.Empty;
        }

        var self = identity.Current;
        var message = SlackEventMapper.Map(teamId, evt, self?.UserId, self?.BotId);
        if (message is null)
        {
            return SlackAck.Empty;
        }

        if (!options.CurrentValue.IsChannelAllowed(message.Channel))
        {
            LogChannelNotAllowed(logger, message.Channel);
            return SlackAck.Empty;
        }

        var correlationId = CorrelationIds.New();
        var target = new SlackReplyTarget.InThread(message.Channel, message.User, message.ThreadTs);
        if (message.IsAddSource)
        {
            var actor = new SlackActor(message.TeamId, message.User, message.User, message.Channel);
            return new SlackAck(AfterAck: () => sources.Enqueue(new SlackSourceAction.AddFiles(message.FileIds), actor, target));
        }

        var question = SlackQuestionMapper.FromMessage(message, correlationId);
        return new SlackAck(AfterAck: () => asking.Ask(question, target));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignoring a repeat of Slack event {EventId}")]
    private static partial void LogDuplicate(ILogger logger, string eventId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignoring a mention in channel {ChannelId}: not in Slack:AllowedChannelIds")]
    private static partial void LogChannelNotAllowed(ILogger logger, string channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack reports app_rate_limited: events are being dropped for this workspace")]
    private static partial void LogAppRateLimited(ILogger logger);
}
