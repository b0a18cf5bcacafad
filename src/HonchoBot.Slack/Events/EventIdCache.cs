using HonchoBot.Core.Pipeline;

namespace HonchoBot.Slack.Events;

/// <summary>
/// Bounded memory of seen <c>event_id</c>s so Slack's retries (immediately, after 1 and after 5 minutes,
/// docs/platform-protocols.md) never produce a second reply. TTL ≥ 10 minutes;
/// a restart may forget. In postgres mode the ids are kept in the store instead (<paramref name="shared"/>), so a
/// retry that reaches another replica is dropped there too.
/// </summary>
public sealed class EventIdCache(TimeProvider time, ISharedReplayGuard? shared = null)
{
    /// <summary>The kind under which Slack event ids are shared.</summary>
    public const string SharedKind = "slack_event";

    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(15);
    public const int Capacity = 50_000;

    private readonly RecentIds _seen = new(time, Ttl, Capacity);

    /// <summary>True the first time an id is seen within the TTL; false for a repeat.</summary>
    public bool TryMarkNew(string eventId) => shared?.TryMarkNew(SharedKind, eventId, Ttl) ?? _seen.TryMarkNew(eventId);
}
