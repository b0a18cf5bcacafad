namespace HonchoBot.Core.Pipeline;

/// <summary>The state of one platform connection, for <c>/readyz</c> (docs/architecture.md).</summary>
public enum ConnectionState
{
    /// <summary>Not started yet.</summary>
    Starting,

    /// <summary>Connected and receiving.</summary>
    Connected,

    /// <summary>Disconnected and retrying with back-off: ready, but worth watching.</summary>
    Retrying,

    /// <summary>Stopped by a fatal answer (Discord close 4004, Slack invalid_auth): not ready.</summary>
    Stopped,
}

/// <summary>Implemented by each adapter connection the host should report on.</summary>
public interface IConnectionHealth
{
    /// <summary>E.g. "discord-gateway", "slack-socket-mode".</summary>
    string Name { get; }

    ConnectionState State { get; }

    /// <summary>Why it is not connected, for operators; never a secret.</summary>
    string? Reason { get; }
}
