using System.Text.Json.Nodes;
using HonchoBot.Core.Curation;
using HonchoBot.Core.Pipeline;
using HonchoBot.Slack.Answering;
using HonchoBot.Slack.Commands;
using HonchoBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Slack.Feedback;

/// <summary>
/// The :+1: / :-1: buttons under an answer (<c>block_actions</c>, over HTTP or Socket Mode). The click is acknowledged
/// at once; the vote is then recorded off the receive path under the voter's keyed hash, never their id, and a second
/// click by the same person replaces their vote. :-1: is answered privately with the two reasons to choose from.
/// </summary>
public sealed partial class SlackFeedback(
    IFeedbackStore store,
    IdentityHasher hasher,
    SlackReplier replier,
    SlackBackgroundSender background,
    ILogger<SlackFeedback> logger)
{

    /// <summary>True for the action ids this class handles.</summary>
    public static bool Handles(string? actionId) =>
        actionId is SlackAnswerRenderer.VoteUpActionId or SlackAnswerRenderer.VoteDownActionId
        || actionId?.StartsWith(SlackAnswerRenderer.VoteReasonActionPrefix, StringComparison.Ordinal) == true;

    public SlackAck Handle(SlackInteractionPayload payload, SlackAction action)
    {
        if (payload is not { User.Id: { } user, Channel.Id: { } channel })
        {
            return SlackAck.Empty;
        }

        SlackReplyTarget target = payload.ResponseUrl is { Length: > 0 } url
            ? new SlackReplyTarget.ToResponseUrl(channel, user, url)
            : new SlackReplyTarget.InChannel(channel, user);
        var correlationId = CorrelationIds.New();
        if (!TryRead(action, out var answerId, out var value, out var reason))
        {
            return new SlackAck(AfterAck: () => background.Send(target, SlackMessage.Plain("That button has expired."), false, correlationId));
        }

        return new SlackAck(AfterAck: () => background.Run(
            async ct =>
            {
                var outcome = await store.VoteAsync(answerId, hasher.Hash(ChatPlatform.Slack, user), value, reason, ct);
                LogVoted(logger, value, outcome, correlationId);
                await replier.SendAsync(target, Reply(answerId, value, reason, outcome), false, ct);
            },
            "vote",
            correlationId));
    }

    private static SlackMessage Reply(string answerId, VoteValue value, VoteReason? reason, VoteOutcome outcome)
    {
        if (outcome == VoteOutcome.UnknownAnswer)
        {
            return SlackMessage.Plain("This answer is too old to vote on now (or feedback is switched off here).");
        }

        var verb = outcome == VoteOutcome.Updated ? "Changed your vote" : "Thanks for the feedback";
        if (reason is { } why)
        {
            return SlackMessage.Plain($"{verb}: :-1:, {(why == VoteReason.WrongSource ? "wrong source" : "missing answer")}. Moderators see it in `/honcho gaps`.");
        }

        if (value == VoteValue.Up)
        {
            return SlackMessage.Plain($"{verb} :+1:");
        }

        var text = $"{verb} :-1: — what was wrong?";
        var buttons = new JsonArray([.. VoteReasonCodes.All.Select(r => BlockKit.Button(SlackAnswerRenderer.VoteReasonActionPrefix + r.Code, r.Label, answerId))]);
        return new SlackMessage(text, [BlockKit.Section(text), BlockKit.Actions("honcho-vote-reason", buttons)]);
    }

    private static bool TryRead(SlackAction action, out string answerId, out VoteValue value, out VoteReason? reason)
    {
        answerId = action.Value ?? string.Empty;
        value = action.ActionId == SlackAnswerRenderer.VoteUpActionId ? VoteValue.Up : VoteValue.Down;
        reason = null;
        if (action.ActionId?.StartsWith(SlackAnswerRenderer.VoteReasonActionPrefix, StringComparison.Ordinal) == true)
        {
            reason = VoteReasonCodes.Parse(action.ActionId[SlackAnswerRenderer.VoteReasonActionPrefix.Length..]);
            if (reason is null)
            {
                return false;
            }
        }

        return AnswerIds.TryGetDay(answerId, out _);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack vote {Value}: {Outcome} (correlation {CorrelationId})")]
    private static partial void LogVoted(ILogger logger, VoteValue value, VoteOutcome outcome, string correlationId);
}
