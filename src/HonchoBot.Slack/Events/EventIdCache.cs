namespace HonchoBot.Slack.Events;

/// <summary>
/// Bounded memory of seen <c>event_id</c>s so Slack's retries (immediately, after 1 and after 5 minutes,
/// protocols.md §2b) never produce a second reply. TTL ≥ 10 minutes (DESIGN.md "Slack de-duplication");
/// a restart may forget.
/// </summary>
public sealed class EventIdCache(TimeProvider time)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(15);
    public const int Capacity = 50_000;

    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset At)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True the first time an id is seen within the TTL; false for a repeat.</summary>
    public bool TryMarkNew(string eventId)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            Evict(now);
            if (_seen.ContainsKey(eventId))
            {
                return false;
            }

            _seen[eventId] = now;
            _order.Enqueue((eventId, now));
            return true;
        }
    }

    private void Evict(DateTimeOffset now)
    {
        while (_order.Count > 0 && (_order.Count >= Capacity || now - _order.Peek().At >= Ttl))
        {
            var (id, at) = _order.Dequeue();
            if (_seen.TryGetValue(id, out var stored) && stored == at)
            {
                _seen.Remove(id);
            }
        }
    }
}
