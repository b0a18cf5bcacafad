namespace HonchoBot.Core.Pipeline;

/// <summary>One point-in-time view of an adapter's connection.</summary>
/// <param name="Since">When this state began.</param>
public sealed record ConnectionSnapshot(ConnectionState State, string? Reason, DateTimeOffset Since)
{
    /// <summary>Ready for <c>/readyz</c>: see <see cref="IsReadyState"/>.</summary>
    public bool IsReady => IsReadyState(State);

    /// <summary>Connected, retrying normally, HTTP-only or turned off; not while starting, stopped or after a fatal answer.</summary>
    public static bool IsReadyState(ConnectionState state) =>
        state is ConnectionState.Connected or ConnectionState.HttpOnly or ConnectionState.Disabled or ConnectionState.Retrying;
}
