namespace HonchoBot.Core.Pipeline;

/// <summary>Implemented by each adapter connection the host reports on at <c>/readyz</c>; each adapter registers its own.</summary>
public interface IConnectionHealth
{
    /// <summary>E.g. "discord", "slack".</summary>
    string Name { get; }

    ConnectionState State { get; }

    /// <summary>Why it is not connected, for operators; never a secret.</summary>
    string? Reason { get; }
}
