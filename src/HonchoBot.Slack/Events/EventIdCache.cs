using HonchoBot.Core.Pipeline;

namespace HonchoBot.Slack.Events;

/// <summary>
/// Bounded memory of seen <c>event_id</c>s so Slack's retries (immediately, after 1 and after 5 minutes,
/// docs/platform-protocols.md) never produce a second reply. TTL ≥ 10 minutes;
/// a restart may forget.
/// </summary>
public sealed class EventIdCache(TimeProvider time)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(15);
    public const int Capacity = 50_000;

    private readonly RecentIds _seen = new(time, Ttl, Capacity);

    /// <summary>True the first time an id is seen within the TTL; false for a repeat.</summary>
    public bool TryMarkNew(string eventId) => _seen.TryMarkNew(eventId);
}
