using HonchoBot.Core.Pipeline;

namespace HonchoBot.Discord;

/// <summary>
/// Thread-safe status the gateway service writes and the host reads (<see cref="ConnectionSnapshot.IsReady"/>
/// says what counts as ready). A fatal stop is final: a later "stopped" on shutdown must not hide its reason.
/// </summary>
public sealed class DiscordHealth(TimeProvider time)
{
    private readonly Lock _lock = new();
    private ConnectionSnapshot _current = new(ConnectionState.Starting, null, time.GetUtcNow());

    public ConnectionSnapshot Current
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
    public event Action<ConnectionSnapshot>? Changed;

    internal void Set(ConnectionState state, string? reason = null)
    {
        ConnectionSnapshot snapshot;
        lock (_lock)
        {
            if (_current.State == state && _current.Reason == reason)
            {
                return;
            }

            // A fatal stop is final: later "stopped" on shutdown must not hide the reason.
            if (_current.State == ConnectionState.StoppedFatal)
            {
                return;
            }

            snapshot = new ConnectionSnapshot(state, reason, time.GetUtcNow());
            _current = snapshot;
        }

        Changed?.Invoke(snapshot);
    }
}
