using System.Text.Json;
using System.Text.Json.Nodes;
using HonchoBot.Slack.Answering;
using HonchoBot.Slack.Moderation;

namespace HonchoBot.Slack.Commands;

/// <summary>
/// Interactivity payloads (protocols.md §2c: <c>block_actions</c>, <c>view_submission</c>, …). Only the
/// add-source modal is handled; everything else is acknowledged and ignored.
/// </summary>
public sealed class SlackInteractivityHandler(SlackSourceActions sources, SlackReplyDeleter deleter)
{
    public SlackAck Handle(JsonElement payload)
    {
        if (Get(payload, "type") == "message_action" && Get(payload, "callback_id") == SlackReplyDeleter.CallbackId)
        {
            return deleter.Handle(payload);
        }

        if (Get(payload, "type") != "view_submission" || !payload.TryGetProperty("view", out var view)
            || Get(view, "callback_id") != SourceAddModal.CallbackId)
        {
            return SlackAck.Empty;
        }

        var (request, errors) = SourceAddModal.Read(view);
        if (request is null)
        {
            return new SlackAck(new JsonObject { ["response_action"] = "errors", ["errors"] = errors });
        }

        string? team = null, channel = null;
        if (Get(view, "private_metadata") is { } metadata)
        {
            try
            {
                using var document = JsonDocument.Parse(metadata);
                team = Get(document.RootElement, "team");
                channel = Get(document.RootElement, "channel");
            }
            catch (JsonException)
            {
                // Not ours: fall through to the refusal below.
            }
        }

        var user = payload.TryGetProperty("user", out var u) ? Get(u, "id") : null;
        var userName = payload.TryGetProperty("user", out var un) ? Get(un, "username") ?? Get(un, "name") : null;
        team ??= payload.TryGetProperty("team", out var t) ? Get(t, "id") : null;
        if (user is null || team is null || channel is null)
        {
            return SlackAck.Empty;
        }

        var actor = new SlackActor(team, user, userName ?? user, channel);
        var target = new SlackReplyTarget.InChannel(channel, user);
        return new SlackAck(AfterAck: () => sources.Enqueue(new SlackSourceAction.Add(request.Input, request.Metadata), actor, target));
    }

    private static string? Get(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
