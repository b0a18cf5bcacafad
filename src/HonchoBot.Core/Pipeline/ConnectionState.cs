using System.Text.Json.Serialization;

namespace HonchoBot.Core.Pipeline;

/// <summary>Where an adapter's connection stands, for <c>/readyz</c> (docs/architecture.md); JSON as snake_case strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConnectionState>))]
public enum ConnectionState
{
    /// <summary>The adapter is turned off: it connects nowhere, which is not a readiness failure.</summary>
    [JsonStringEnumMemberName("disabled")] Disabled,

    /// <summary>Enabled, not connected yet (authenticating, or the first connection is in progress).</summary>
    [JsonStringEnumMemberName("starting")] Starting,

    /// <summary>Connected and receiving (Discord: READY or RESUMED; Slack: authenticated and, in Socket Mode, holding a connection).</summary>
    [JsonStringEnumMemberName("connected")] Connected,

    /// <summary>Discord without a token: only the HTTP interactions endpoint runs, which needs no connection.</summary>
    [JsonStringEnumMemberName("http_only")] HttpOnly,

    /// <summary>Disconnected and retrying with back-off: still ready, but worth watching.</summary>
    [JsonStringEnumMemberName("retrying")] Retrying,

    /// <summary>Stopped by a fatal answer (Discord close 4004, Slack invalid_auth): not ready, and never retried.</summary>
    [JsonStringEnumMemberName("stopped_fatal")] StoppedFatal,

    /// <summary>The host is shutting down.</summary>
    [JsonStringEnumMemberName("stopped")] Stopped,
}
