using System.Text.Json;
using HonchoBot.Slack.Commands;
using HonchoBot.Slack.Events;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Slack.SocketMode;

/// <summary>
/// Routes a Socket Mode envelope's payload to the same handlers the HTTP endpoints use (docs/platform-protocols.md:
/// <c>events_api</c> carries an Events API callback, <c>slash_commands</c> the command fields, <c>interactive</c>
/// an interactivity payload). Socket Mode payloads need no signature check: the socket is pre-authenticated.
/// </summary>
public sealed class SlackEnvelopeRouter(
    SlackEventHandler events,
    SlackCommandHandler commands,
    SlackInteractivityHandler interactivity,
    ILogger<SlackEnvelopeRouter> logger)
{
    public SlackAck Route(string? type, JsonElement payload) => type switch
    {
        "events_api" => events.Handle(payload),
        "slash_commands" => SlackInbound.TryRead(payload, SlackInboundJson.Default.SlashCommandPayload, logger, out var fields)
            && SlashCommand.From(fields) is { } command
                ? commands.Handle(command)
                : SlackAck.Empty,
        "interactive" => interactivity.Handle(payload),
        _ => SlackAck.Empty,
    };
}
