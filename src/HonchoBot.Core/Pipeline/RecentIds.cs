namespace HonchoBot.Core.Pipeline;

/// <summary>
/// A bounded memory of ids seen within a time-to-live, for refusing repeats: Slack's retried events, a replayed
/// Discord interaction. At most <paramref name="capacity"/> ids are kept; past it the oldest are forgotten first.
/// A restart forgets everything, which the callers' own time windows allow for.
/// </summary>
public sealed class RecentIds(TimeProvider time, TimeSpan ttl, int capacity)
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset At)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True the first time an id is seen within the TTL; false for a repeat.</summary>
    public bool TryMarkNew(string id)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            Evict(now);
            if (_seen.ContainsKey(id))
            {
                return false;
            }

            _seen[id] = now;
            _order.Enqueue((id, now));
            return true;
        }
    }

    private void Evict(DateTimeOffset now)
    {
        while (_order.Count > 0 && (_order.Count >= capacity || now - _order.Peek().At >= ttl))
        {
            var (id, at) = _order.Dequeue();
            if (_seen.TryGetValue(id, out var stored) && stored == at)
            {
                _seen.Remove(id);
            }
        }
    }
}
