namespace HonchoBot.Discord;

/// <summary>Where the Discord adapter stands, for <c>/readyz</c> (docs/architecture.md).</summary>
public enum DiscordConnectionState
{
    /// <summary>Discord:Enabled is false.</summary>
    Disabled,

    /// <summary>Enabled, not yet connected.</summary>
    Starting,

    /// <summary>Gateway session ready (READY or RESUMED received).</summary>
    Connected,

    /// <summary>Reconnecting with back-off after a dropped connection or a network failure: still "ready".</summary>
    Retrying,

    /// <summary>No token: only the HTTP interactions endpoint runs, which needs no connection.</summary>
    HttpOnly,

    /// <summary>A fatal answer (close 4004, 4010–4014, a rejected token): the adapter stopped and will not retry.</summary>
    StoppedFatal,

    /// <summary>The host is shutting down.</summary>
    Stopped,
}

/// <summary>A point-in-time copy of <see cref="DiscordHealth"/>.</summary>
public sealed record DiscordHealthSnapshot(DiscordConnectionState State, string? Reason, DateTimeOffset Since, bool IsReady);

/// <summary>
/// Thread-safe status the gateway service writes and the host reads. Ready means "connected or
/// retrying normally"; only a fatal stop makes the adapter not ready.
/// </summary>
public sealed class DiscordHealth(TimeProvider time)
{
    private readonly Lock _lock = new();
    private DiscordHealthSnapshot _current = new(DiscordConnectionState.Starting, null, time.GetUtcNow(), true);

    public DiscordHealthSnapshot Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    /// <summary>Raised after every change (tests and the host may observe transitions).</summary>
    public event Action<DiscordHealthSnapshot>? Changed;

    internal void Set(DiscordConnectionState state, string? reason = null)
    {
        DiscordHealthSnapshot snapshot;
        lock (_lock)
        {
            if (_current.State == state && _current.Reason == reason)
            {
                return;
            }

            // A fatal stop is final: later "stopped" on shutdown must not hide the reason.
            if (_current.State == DiscordConnectionState.StoppedFatal)
            {
                return;
            }

            snapshot = new DiscordHealthSnapshot(state, reason, time.GetUtcNow(), state != DiscordConnectionState.StoppedFatal);
            _current = snapshot;
        }

        Changed?.Invoke(snapshot);
    }
}
