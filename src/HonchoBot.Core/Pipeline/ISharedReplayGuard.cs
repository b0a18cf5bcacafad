namespace HonchoBot.Core.Pipeline;

/// <summary>
/// Ids already handled, shared by every replica (postgres mode): a Slack event or Discord interaction retried to
/// another replica is still handled once. Registered only in postgres mode; without it each adapter remembers
/// ids in its own memory (<see cref="RecentIds"/>).
/// </summary>
public interface ISharedReplayGuard
{
    /// <summary>True the first time <paramref name="id"/> of this <paramref name="kind"/> is seen within <paramref name="ttl"/>; false for a repeat.</summary>
    bool TryMarkNew(string kind, string id, TimeSpan ttl);
}
