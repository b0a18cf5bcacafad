using System.Text.Json.Nodes;

namespace HonchoBot.Slack;

/// <summary>
/// How to acknowledge one inbound request or envelope: an optional response <paramref name="Body"/> (the HTTP
/// response, or the Socket Mode ack <c>payload</c>), and <paramref name="AfterAck"/> to run once the ack is
/// sent — enqueueing and notes happen there, so nothing delays the acknowledgement (docs/platform-protocols.md).
/// <paramref name="AfterAck"/> must be quick and must not throw.
/// </summary>
public sealed record SlackAck(JsonObject? Body = null, Action? AfterAck = null)
{
    public static SlackAck Empty { get; } = new();
}
