using System.Text.Json.Serialization;

namespace HonchoBot.Slack;

/// <summary>How the Slack adapter's connection stands, for <c>/readyz</c> (docs/architecture.md); JSON as snake_case strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SlackConnectionState>))]
public enum SlackConnectionState
{
    /// <summary>The adapter is turned off.</summary>
    [JsonStringEnumMemberName("disabled")] Disabled,

    /// <summary>Starting: <c>auth.test</c> or the first Socket Mode connection is in progress.</summary>
    [JsonStringEnumMemberName("starting")] Starting,

    /// <summary>Authenticated and (in Socket Mode) holding a connection.</summary>
    [JsonStringEnumMemberName("connected")] Connected,

    /// <summary>A connection failed and is being retried with back-off: still "ready".</summary>
    [JsonStringEnumMemberName("retrying")] Retrying,

    /// <summary>Stopped by a fatal answer (<c>invalid_auth</c>, <c>link_disabled</c>): not ready.</summary>
    [JsonStringEnumMemberName("stopped_fatal")] StoppedFatal,
}

/// <summary>One snapshot of <see cref="SlackStatus"/>.</summary>
public sealed record SlackStatusSnapshot(SlackConnectionState State, string? Reason, DateTimeOffset Since)
{
    /// <summary>Ready for <c>/readyz</c>: connected, retrying normally, or not configured.</summary>
    public bool IsReady => State is SlackConnectionState.Connected or SlackConnectionState.Retrying or SlackConnectionState.Disabled;
}

/// <summary>Thread-safe status holder; Host reads <see cref="Current"/> for <c>/readyz</c>.</summary>
public sealed class SlackStatus(TimeProvider time)
{
    private SlackStatusSnapshot _current = new(SlackConnectionState.Disabled, null, time.GetUtcNow());

    /// <summary>The latest state, reason and when it began.</summary>
    public SlackStatusSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Raised after every change (tests and the host may observe transitions).</summary>
    public event Action<SlackStatusSnapshot>? Changed;

    internal void Set(SlackConnectionState state, string? reason = null)
    {
        var previous = Current;
        if (previous.State == state && previous.Reason == reason)
        {
            return;
        }

        var snapshot = new SlackStatusSnapshot(state, reason, time.GetUtcNow());
        Volatile.Write(ref _current, snapshot);
        Changed?.Invoke(snapshot);
    }
}
