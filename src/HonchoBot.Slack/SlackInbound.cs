using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using HonchoBot.Core.Pipeline;
using HonchoBot.Slack.Commands;
using HonchoBot.Slack.Events;
using HonchoBot.Slack.SocketMode;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Slack;

/// <summary>
/// Reads inbound Slack payloads (Events API callbacks, interactivity payloads, Socket Mode messages) into typed
/// records with source-generated metadata. A payload that does not fit — a number where Slack sends a string, a
/// string where it sends an object, nesting past the reader's depth — is a false and one Debug line, never an
/// exception deep in a handler; the caller then acknowledges without acting.
/// </summary>
internal static partial class SlackInbound
{
    public static bool TryRead<T>(JsonElement json, JsonTypeInfo<T> type, ILogger logger, [NotNullWhen(true)] out T? value)
        where T : class =>
        InboundJson.TryRead(json, type, out value, out var problem) || Unfit(logger, type, problem);

    public static bool TryRead<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> type, ILogger logger, [NotNullWhen(true)] out T? value)
        where T : class =>
        InboundJson.TryRead(utf8, type, out value, out var problem) || Unfit(logger, type, problem);

    private static bool Unfit<T>(ILogger logger, JsonTypeInfo<T> type, string? problem)
    {
        LogUnfit(logger, type.Type.Name, problem ?? "?");
        return false;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored a Slack payload that does not fit {Payload}: {Problem}")]
    private static partial void LogUnfit(ILogger logger, string payload, string problem);
}

/// <summary>Source-generated metadata for every inbound Slack payload; Slack's field names are snake_case.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SlackEventCallback))]
[JsonSerializable(typeof(SlackInteractionPayload))]
[JsonSerializable(typeof(SocketModeMessage))]
[JsonSerializable(typeof(SlashCommandPayload))]
[JsonSerializable(typeof(SourceAddModal.Origin))]
internal sealed partial class SlackInboundJson : JsonSerializerContext;
