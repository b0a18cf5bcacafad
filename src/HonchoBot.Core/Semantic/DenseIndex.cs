namespace HonchoBot.Core.Semantic;

/// <summary>One passage found by meaning, with the cosine of its passage vector to the question.</summary>
public readonly record struct DenseHit(string PassageId, float Score);

/// <summary>
/// The passage vectors of the live library in memory, scanned whole for every question (exact, no
/// approximate index: about 5 ms per 100,000 passages on one core). One writer at a time; readers never
/// wait: they scan the slots published when they started, and a removed passage is only marked dead
/// until the next compaction.
/// </summary>
public sealed class DenseIndex(int dimensions)
{
    private const int BlockSlots = 16_384;

    private readonly System.Threading.Lock _writeLock = new();
    private readonly Dictionary<string, int> _slotByPassage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _slotsBySource = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sourceNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _communityNumbers = new(StringComparer.Ordinal) { [GlobalCommunity] = 0 };
    private volatile State _state = new([], [], [], [], [], [], 0);
    private int _dead;

    /// <summary>How the global library is named among communities.</summary>
    public const string GlobalCommunity = "";

    public int Dimensions { get; } = dimensions;

    /// <summary>Live passages with vectors.</summary>
    public int Count
    {
        get
        {
            lock (_writeLock)
            {
                return _slotByPassage.Count;
            }
        }
    }

    public bool Contains(string passageId)
    {
        lock (_writeLock)
        {
            return _slotByPassage.ContainsKey(passageId);
        }
    }

    /// <summary>Adds (or replaces) a passage's vector.</summary>
    public void Add(string passageId, string sourceId, string? communityId, QuantizedVector vector)
    {
        lock (_writeLock)
        {
            if (_slotByPassage.TryGetValue(passageId, out var old))
            {
                KillLocked(old);
                _slotByPassage.Remove(passageId);
            }

            var state = _state;
            var slot = state.Count;
            if (slot == state.Ids.Length)
            {
                state = Grow(state);
            }

            var block = state.Blocks[slot / BlockSlots];
            vector.Values.AsSpan().CopyTo(block.AsSpan((slot % BlockSlots) * Dimensions, Dimensions));
            state.Scales[slot] = vector.Scale;
            state.Ids[slot] = passageId;
            state.Sources[slot] = Number(_sourceNumbers, sourceId);
            state.Communities[slot] = Number(_communityNumbers, communityId ?? GlobalCommunity);
            state.Live[slot] = true;
            _slotByPassage[passageId] = slot;
            if (!_slotsBySource.TryGetValue(sourceId, out var slots))
            {
                _slotsBySource[sourceId] = slots = [];
            }

            slots.Add(slot);

            // Published last: a reader that sees the new count sees the slot's data.
            _state = state with { Count = slot + 1 };
        }
    }

    /// <summary>Forgets every passage of a source.</summary>
    public void RemoveSource(string sourceId)
    {
        lock (_writeLock)
        {
            if (!_slotsBySource.Remove(sourceId, out var slots))
            {
                return;
            }

            foreach (var slot in slots)
            {
                if (_state.Ids[slot] is { } id && _slotByPassage.TryGetValue(id, out var current) && current == slot)
                {
                    _slotByPassage.Remove(id);
                }

                KillLocked(slot);
            }

            if (_dead > BlockSlots && _dead > _slotByPassage.Count)
            {
                CompactLocked();
            }
        }
    }

    /// <summary>
    /// The <paramref name="k"/> passages whose vectors are closest to <paramref name="query"/>, best first,
    /// among those in the global library or <paramref name="communityId"/> and not in <paramref name="hiddenSourceIds"/>.
    /// </summary>
    public IReadOnlyList<DenseHit> Search(QuantizedVector query, string? communityId, IReadOnlySet<string> hiddenSourceIds, int k)
    {
        var state = _state;
        int community;
        HashSet<int> hidden;
        lock (_writeLock)
        {
            community = communityId is not null && _communityNumbers.TryGetValue(communityId, out var number) ? number : -1;
            hidden = [.. hiddenSourceIds.Select(id => _sourceNumbers.TryGetValue(id, out var n) ? n : -1)];
        }

        // A min-heap of the best k so far; ties keep the lower slot (earlier indexed), for stable answers.
        var heap = new PriorityQueue<int, (float Score, int NegSlot)>(k + 1);
        for (var slot = 0; slot < state.Count; slot++)
        {
            if (!state.Live[slot] || (state.Communities[slot] != 0 && state.Communities[slot] != community) || (hidden.Count > 0 && hidden.Contains(state.Sources[slot])))
            {
                continue;
            }

            var block = state.Blocks[slot / BlockSlots];
            var dot = QuantizedVector.Dot(query.Values, block.AsSpan((slot % BlockSlots) * Dimensions, Dimensions));
            var scaled = dot * state.Scales[slot];
            if (heap.Count < k)
            {
                heap.Enqueue(slot, (scaled, -slot));
            }
            else if (heap.TryPeek(out _, out var worst) && (scaled, -slot).CompareTo(worst) > 0)
            {
                heap.EnqueueDequeue(slot, (scaled, -slot));
            }
        }

        var hits = new List<DenseHit>(heap.Count);
        while (heap.TryDequeue(out var slot, out _))
        {
            var block = state.Blocks[slot / BlockSlots];
            var cosine = QuantizedVector.Dot(query.Values, block.AsSpan((slot % BlockSlots) * Dimensions, Dimensions)) * query.Scale * state.Scales[slot];
            hits.Add(new DenseHit(state.Ids[slot]!, cosine));
        }

        hits.Reverse();
        return hits;
    }

    private void KillLocked(int slot)
    {
        if (_state.Live[slot])
        {
            _state.Live[slot] = false;
            _dead++;
        }
    }

    /// <summary>Packs the live slots into fresh arrays; readers keep scanning the old ones until they finish.</summary>
    private void CompactLocked()
    {
        var old = _state;
        var fresh = new State([], [], [], [], [], [], 0);
        _slotByPassage.Clear();
        foreach (var list in _slotsBySource.Values)
        {
            list.Clear();
        }

        var count = 0;
        for (var slot = 0; slot < old.Count; slot++)
        {
            if (!old.Live[slot])
            {
                continue;
            }

            if (count == fresh.Ids.Length)
            {
                fresh = Grow(fresh);
            }

            old.Blocks[slot / BlockSlots].AsSpan((slot % BlockSlots) * Dimensions, Dimensions)
                .CopyTo(fresh.Blocks[count / BlockSlots].AsSpan((count % BlockSlots) * Dimensions, Dimensions));
            fresh.Scales[count] = old.Scales[slot];
            fresh.Ids[count] = old.Ids[slot];
            fresh.Sources[count] = old.Sources[slot];
            fresh.Communities[count] = old.Communities[slot];
            fresh.Live[count] = true;
            _slotByPassage[old.Ids[slot]!] = count;
            count++;
        }

        foreach (var (source, number) in _sourceNumbers)
        {
            if (_slotsBySource.TryGetValue(source, out var list))
            {
                for (var slot = 0; slot < count; slot++)
                {
                    if (fresh.Sources[slot] == number)
                    {
                        list.Add(slot);
                    }
                }
            }
        }

        _dead = 0;
        _state = fresh with { Count = count };
    }

    private State Grow(State state)
    {
        var capacity = Math.Max(BlockSlots, state.Ids.Length * 2);
        var blocks = new List<sbyte[]>(state.Blocks);
        while (blocks.Count * BlockSlots < capacity)
        {
            blocks.Add(new sbyte[BlockSlots * Dimensions]);
        }

        var grown = new State(
            [.. blocks],
            Resize(state.Scales, capacity),
            Resize(state.Ids, capacity),
            Resize(state.Sources, capacity),
            Resize(state.Communities, capacity),
            Resize(state.Live, capacity),
            state.Count);
        _state = grown;
        return grown;

        static T[] Resize<T>(T[] array, int length)
        {
            var resized = new T[length];
            array.AsSpan().CopyTo(resized);
            return resized;
        }
    }

    private static int Number(Dictionary<string, int> numbers, string name)
    {
        if (!numbers.TryGetValue(name, out var number))
        {
            numbers[name] = number = numbers.Count;
        }

        return number;
    }

    private sealed record State(sbyte[][] Blocks, float[] Scales, string?[] Ids, int[] Sources, int[] Communities, bool[] Live, int Count);
}
