namespace HonchoBot.Core.Pipeline;

/// <summary>Short ids that tie a user-visible reference to the log lines of one piece of work.</summary>
public static class CorrelationIds
{
    /// <summary>16 hex characters: short enough to read out, unique enough for one server's logs.</summary>
    public static string New() => Guid.NewGuid().ToString("N")[..16];
}
