namespace HonchoBot.Core.Conversations;

/// <summary>
/// A bounded, thread-safe map whose entries expire a fixed time after they were last written, on the injected
/// clock. At most <paramref name="capacity"/> entries are kept: writing one more forgets the entry written
/// longest ago. Expired entries are dropped as they are met, so the map never holds more than its capacity
/// and never answers with a stale value.
/// </summary>
/// <typeparam name="TValue">What is kept per key.</typeparam>
public sealed class ExpiringMap<TValue>(TimeProvider time, TimeSpan timeToLive, int capacity)
{
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _byAge = new();
    private readonly Lock _lock = new();

    /// <summary>Entries held now, expired ones not yet dropped included.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The value written under <paramref name="key"/> within the time-to-live, if any.</summary>
    public bool TryGet(string key, out TValue value)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            DropExpired(now);
            if (_entries.TryGetValue(key, out var node))
            {
                value = node.Value.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Writes <paramref name="value"/> under <paramref name="key"/>, restarting its time-to-live.</summary>
    public void Set(string key, TValue value)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            DropExpired(now);
            if (_entries.Remove(key, out var old))
            {
                _byAge.Remove(old);
            }

            while (_entries.Count >= capacity && _byAge.First is { } oldest)
            {
                _entries.Remove(oldest.Value.Key);
                _byAge.RemoveFirst();
            }

            _entries[key] = _byAge.AddLast(new Entry(key, value, now));
        }
    }

    /// <summary>Forgets <paramref name="key"/>; false when nothing was held for it.</summary>
    public bool Remove(string key)
    {
        lock (_lock)
        {
            if (!_entries.Remove(key, out var node))
            {
                return false;
            }

            _byAge.Remove(node);
            return true;
        }
    }

    // The list is in write order, so the expired entries are a prefix of it.
    private void DropExpired(DateTimeOffset now)
    {
        while (_byAge.First is { } oldest && now - oldest.Value.WrittenAt >= timeToLive)
        {
            _entries.Remove(oldest.Value.Key);
            _byAge.RemoveFirst();
        }
    }

    private sealed record Entry(string Key, TValue Value, DateTimeOffset WrittenAt);
}
