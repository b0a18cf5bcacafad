using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HonchoBot.Slack.Answering;
using HonchoBot.Slack.Feedback;
using HonchoBot.Slack.Moderation;
using HonchoBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Slack.Commands;

/// <summary>
/// Interactivity payloads (docs/platform-protocols.md: <c>block_actions</c>, <c>view_submission</c>, …). Only the
/// add-source modal, the delete-reply shortcut and the buttons under an answer (:+1: / :-1: and its reasons,
/// :wastebasket:) are handled; everything else is acknowledged and ignored.
/// </summary>
public sealed class SlackInteractivityHandler(SlackSourceActions sources, SlackReplyDeleter deleter, SlackFeedback feedback, ILogger<SlackInteractivityHandler> logger)
{
    /// <summary>Handles a payload as Socket Mode delivers it; one that does not fit is acknowledged and dropped.</summary>
    public SlackAck Handle(JsonElement payload) =>
        SlackInbound.TryRead(payload, SlackInboundJson.Default.SlackInteractionPayload, logger, out var typed) ? Handle(typed) : SlackAck.Empty;

    /// <summary>Handles the <c>payload</c> form field of an HTTP request; one that does not fit is acknowledged and dropped.</summary>
    public SlackAck Handle(string payload) =>
        SlackInbound.TryRead(Encoding.UTF8.GetBytes(payload), SlackInboundJson.Default.SlackInteractionPayload, logger, out var typed) ? Handle(typed) : SlackAck.Empty;

    public SlackAck Handle(SlackInteractionPayload payload)
    {
        if (payload.Type == "message_action" && payload.CallbackId == SlackReplyDeleter.CallbackId)
        {
            return deleter.Handle(payload);
        }

        if (payload.Type == "block_actions" && payload.Actions is [{ } action, ..])
        {
            return action.ActionId == SlackAnswerRenderer.DeleteActionId ? deleter.Handle(payload)
                : SlackFeedback.Handles(action.ActionId) ? feedback.Handle(payload, action)
                : SlackAck.Empty;
        }

        if (payload.Type != "view_submission" || payload.View is not { CallbackId: SourceAddModal.CallbackId } view)
        {
            return SlackAck.Empty;
        }

        var (request, errors) = SourceAddModal.Read(view);
        if (request is null)
        {
            return new SlackAck(new JsonObject { ["response_action"] = "errors", ["errors"] = errors });
        }

        // The modal carries where it was opened; a view whose metadata is not ours is refused below.
        var origin = view.PrivateMetadata is { } metadata
            && SlackInbound.TryRead(Encoding.UTF8.GetBytes(metadata), SlackInboundJson.Default.Origin, logger, out var read)
                ? read
                : null;
        var user = payload.User?.Id;
        var team = origin?.Team ?? payload.Team?.Id;
        var channel = origin?.Channel;
        if (user is null || team is null || channel is null)
        {
            return SlackAck.Empty;
        }

        var actor = new SlackActor(team, user, payload.User?.Username ?? payload.User?.Name ?? user, channel);
        var target = new SlackReplyTarget.InChannel(channel, user);
        return new SlackAck(AfterAck: () => sources.Enqueue(new SlackSourceAction.Add(request.Input, request.Metadata), actor, target));
    }
}
