using HonchoBot.Core.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Semantic;

/// <summary>How much of the library has vectors.</summary>
public readonly record struct VectorCoverage(int Embedded, int Passages)
{
    public double Share => Passages == 0 ? 1 : Embedded / (double)Passages;

    public bool IsComplete => Embedded >= Passages;
}

/// <summary>
/// The dense half of retrieval: follows the passage index (<see cref="Attach"/>, then its
/// <see cref="PassageIndex.Changed"/> events), keeps the vectors of live passages searchable in a
/// <see cref="DenseIndex"/>, and embeds the passages that have none yet, a batch at a time
/// (<see cref="EmbedPending"/>), persisting them in the <see cref="VectorStore"/> as they are made.
/// Until a passage has vectors it is found lexically only; answers never wait for embedding.
/// </summary>
public sealed partial class SemanticIndex(IEmbedder embedder, IOptions<RetrievalOptions> options, ILogger<SemanticIndex> logger) : IDisposable
{
    private readonly System.Threading.Lock _lock = new();
    private readonly System.Threading.Lock _attachLock = new();
    private readonly Dictionary<string, IndexedPassage> _live = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IndexedPassage> _pending = new(StringComparer.Ordinal);

    // Live passage ids by source: removing a source must not scan every live passage (a million, in a big library).
    private readonly Dictionary<string, List<string>> _liveBySource = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _work = new(0, 1);
    private PassageIndex? _index;
    private VectorStore? _store;
    private DenseIndex? _dense;

    /// <summary><c>Retrieval:Semantic</c>: off, nothing is embedded and every search is lexical.</summary>
    public bool IsEnabled => options.Value.Semantic;

    /// <summary>The model in use.</summary>
    public string ModelId => embedder.ModelId;

    /// <summary>The model's cosine scale for the no-answer decision.</summary>
    public RelevanceScale Relevance => embedder.Relevance;

    public VectorCoverage Coverage
    {
        get
        {
            lock (_lock)
            {
                return new VectorCoverage(_live.Count - _pending.Count, _live.Count);
            }
        }
    }

    /// <summary>Bytes of vectors on disk.</summary>
    public long SizeOnDisk
    {
        get
        {
            lock (_lock)
            {
                return _store?.SizeOnDisk ?? 0;
            }
        }
    }

    /// <summary>True once following an index.</summary>
    public bool IsAttached
    {
        get
        {
            lock (_lock)
            {
                return _index is not null;
            }
        }
    }

    /// <summary>
    /// Starts following an index (nothing to do when it already follows this one): loads the stored vectors
    /// of its live passages and queues the rest for embedding. <paramref name="dataDirectory"/> null keeps
    /// vectors in memory (in-memory indexes).
    /// </summary>
    public void Attach(PassageIndex index, string? dataDirectory)
    {
        // One attach at a time; the slow part (reading every passage's key) runs outside the answer-path lock.
        lock (_attachLock)
        {
            AttachLocked(index, dataDirectory);
        }
    }

    private void AttachLocked(PassageIndex index, string? dataDirectory)
    {
        lock (_lock)
        {
            if (!IsEnabled || ReferenceEquals(_index, index))
            {
                return;
            }
        }

        var passages = index.LivePassages();
        var store = dataDirectory is null
            ? VectorStore.InMemory(embedder.Dimensions)
            : VectorStore.Open(dataDirectory, embedder.ModelId, embedder.Dimensions, readOnly: !index.IsWritable);
        var dense = new DenseIndex(embedder.Dimensions);
        lock (_lock)
        {
            Detach();
            _live.Clear();
            _pending.Clear();
            _liveBySource.Clear();
            foreach (var passage in passages)
            {
                AddLive(passage);
                if (store.TryGet(passage.VectorKey, out var vectors))
                {
                    dense.Add(passage.Id, passage.SourceId, passage.CommunityId, vectors.Passage);
                }
                else
                {
                    _pending[passage.Id] = passage;
                }
            }

            var dropped = store.Compact(passages.Select(p => p.VectorKey).ToHashSet());
            if (dropped > 0)
            {
                LogCompacted(logger, dropped);
            }

            _index = index;
            _store = store;
            _dense = dense;
            index.Changed += Apply;
        }

        Signal();
    }

    /// <summary>
    /// The question's vector, or null when the dense layer cannot help (off, or no passage has vectors yet):
    /// the search is then lexical.
    /// </summary>
    public QuantizedVector? EmbedQuestion(string question)
    {
        lock (_lock)
        {
            if (!IsEnabled || _dense is null || _dense.Count == 0)
            {
                return null;
            }
        }

        try
        {
            return QuantizedVector.From(embedder.EmbedQuery(question));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A broken model must not cost the answer: this one is found by its words.
            LogQuestionFailed(logger, ex);
            return null;
        }
    }

    /// <summary>Loads the model (its first use is slow), so the first question does not wait for it.</summary>
    public void WarmUp()
    {
        if (IsEnabled)
        {
            _ = embedder.EmbedQuery("warm up");
        }
    }

    /// <summary>The passages nearest in meaning that the scope may see, best first.</summary>
    public IReadOnlyList<DenseHit> Search(QuantizedVector question, SearchScope scope, int k)
    {
        DenseIndex? dense;
        lock (_lock)
        {
            dense = _dense;
        }

        return dense is null ? [] : dense.Search(question, scope.CommunityId, scope.HiddenSourceIds, k);
    }

    /// <summary>A passage's vectors by its text key, or false when it has none yet.</summary>
    public bool TryGetVectors(UInt128 key, out PassageVectors vectors)
    {
        VectorStore? store;
        lock (_lock)
        {
            store = _store;
        }

        if (store is null)
        {
            vectors = null!;
            return false;
        }

        return store.TryGet(key, out vectors);
    }

    /// <summary>
    /// Embeds up to <paramref name="maxPassages"/> passages that have no vectors yet (each passage and each of
    /// its sentences), stores them and makes them searchable.
    /// </summary>
    /// <returns>How many pending passages were dealt with; 0 when none is left.</returns>
    public int EmbedPending(int maxPassages, CancellationToken cancellationToken)
    {
        List<IndexedPassage> batch;
        PassageIndex? index;
        lock (_lock)
        {
            index = _index;
            batch = [.. _pending.Values.Take(maxPassages)];
        }

        if (index is null || batch.Count == 0)
        {
            return 0;
        }

        var texts = new List<string>();
        var work = new List<(IndexedPassage Passage, int First, int Sentences)>();
        var gone = new List<string>();
        foreach (var entry in batch)
        {
            if (!index.TryReadPassage(entry.Id, out var passage))
            {
                gone.Add(entry.Id); // Removed meanwhile.
                continue;
            }

            var sentences = passage.Sentences();
            work.Add((entry, texts.Count, sentences.Count));
            texts.Add(passage.Text);
            texts.AddRange(sentences.Select(s => passage.Text.Substring(s.Start, s.Length)));
        }

        var vectors = texts.Count == 0 ? [] : embedder.EmbedDocuments(texts, cancellationToken);
        lock (_lock)
        {
            foreach (var (entry, first, count) in work)
            {
                var made = new PassageVectors(
                    QuantizedVector.From(vectors[first]),
                    [.. Enumerable.Range(first + 1, count).Select(i => QuantizedVector.From(vectors[i]))]);
                _store?.Add(entry.VectorKey, made);
                if (_pending.Remove(entry.Id) && _live.TryGetValue(entry.Id, out var live) && live.VectorKey == entry.VectorKey)
                {
                    _dense?.Add(entry.Id, entry.SourceId, entry.CommunityId, made.Passage);
                }
            }

            foreach (var id in gone)
            {
                _pending.Remove(id);
            }
        }

        return batch.Count;
    }

    /// <summary>Embeds everything pending (the CLI's way), reporting progress.</summary>
    public void EmbedAll(IProgress<IndexProgress>? progress, CancellationToken cancellationToken, int batchPassages = 8)
    {
        var total = Coverage.Passages - Coverage.Embedded;
        var done = 0;
        int made;
        while ((made = EmbedPending(batchPassages, cancellationToken)) > 0)
        {
            done += made;
            progress?.Report(new IndexProgress(Math.Min(done, total), total, "embedding passages"));
        }
    }

    /// <summary>Waits until there may be passages to embed (the background filler's idle state).</summary>
    public async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        if (Coverage.IsComplete)
        {
            await _work.WaitAsync(cancellationToken);
        }
    }

    private void Apply(IndexChange change)
    {
        lock (_lock)
        {
            foreach (var source in change.RemovedSources)
            {
                _dense?.RemoveSource(source);
                if (_liveBySource.Remove(source, out var ids))
                {
                    foreach (var id in ids)
                    {
                        _live.Remove(id);
                        _pending.Remove(id);
                    }
                }
            }

            foreach (var passage in change.Added)
            {
                AddLive(passage);
                if (_store is not null && _store.TryGet(passage.VectorKey, out var vectors))
                {
                    _dense?.Add(passage.Id, passage.SourceId, passage.CommunityId, vectors.Passage);
                }
                else
                {
                    _pending[passage.Id] = passage;
                }
            }
        }

        Signal();
    }

    /// <summary>Records a live passage (under the lock).</summary>
    private void AddLive(IndexedPassage passage)
    {
        if (_live.TryGetValue(passage.Id, out var previous) && _liveBySource.TryGetValue(previous.SourceId, out var before))
        {
            before.Remove(passage.Id);
        }

        _live[passage.Id] = passage;
        if (!_liveBySource.TryGetValue(passage.SourceId, out var ids))
        {
            _liveBySource[passage.SourceId] = ids = [];
        }

        ids.Add(passage.Id);
    }

    private void Signal()
    {
        if (_work.CurrentCount == 0)
        {
            try
            {
                _work.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    private void Detach()
    {
        if (_index is not null)
        {
            _index.Changed -= Apply;
        }

        _store?.Dispose();
        _index = null;
        _store = null;
        _dense = null;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            Detach();
        }

        _work.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedding a question failed; answering by words only")]
    private static partial void LogQuestionFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Vector store compacted: {Dropped} vectors of passages no longer in the library dropped")]
    private static partial void LogCompacted(ILogger logger, int dropped);
}
