using HonchoBot.Core.Pipeline;

namespace HonchoBot.Slack;

/// <summary>Thread-safe status holder; Host reads <see cref="Current"/> for <c>/readyz</c>.</summary>
public sealed class SlackStatus(TimeProvider time)
{
    private ConnectionSnapshot _current = new(ConnectionState.Disabled, null, time.GetUtcNow());

    /// <summary>The latest state, reason and when it began.</summary>
    public ConnectionSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Raised after every change (tests and the host may observe transitions).</summary>
    public event Action<ConnectionSnapshot>? Changed;

    internal void Set(ConnectionState state, string? reason = null)
    {
        var previous = Current;
        if (previous.State == state && previous.Reason == reason)
        {
            return;
        }

        var snapshot = new ConnectionSnapshot(state, reason, time.GetUtcNow());
        Volatile.Write(ref _current, snapshot);
        Changed?.Invoke(snapshot);
    }
}
