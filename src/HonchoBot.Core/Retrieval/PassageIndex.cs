using System.Diagnostics;
using System.Text.Json;
using HonchoBot.Core.Corpus;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Directory = Lucene.Net.Store.Directory;

namespace HonchoBot.Core.Retrieval;

/// <summary>Progress of a long index build, for the CLI.</summary>
public readonly record struct IndexProgress(int Done, int Total, string Phase);

/// <summary>A passage as the index holds it: enough to find its vectors and to filter it by scope.</summary>
public sealed record IndexedPassage(string Id, string SourceId, string? CommunityId, UInt128 VectorKey);

/// <summary>A committed change to the index: sources whose passages left, and passages that arrived.</summary>
public sealed record IndexChange(IReadOnlyList<string> RemovedSources, IReadOnlyList<IndexedPassage> Added);

/// <summary>What a synchronisation did.</summary>
public sealed record IndexSyncReport(bool Rebuilt, string? RebuildReason, int Added, int Updated, int Removed, int Passages, TimeSpan Elapsed, bool IsReadOnly, string? ReadOnlyReason);

/// <summary>
/// The Lucene index of passages in <c>{data}/index</c>: NIOFSDirectory (never MMap: docs/index-design.md),
/// BM25 on writer and searcher, one writer per process guarded by <see cref="IndexOwnerLock"/>,
/// NRT searchers. The Markdown files are the source of truth: the commit data records the analysis
/// version and a content hash per source, so a changed corpus, chain, synonym list or claim lexicon is
/// caught up (or rebuilt) at start-up, and a missing or corrupt index is rebuilt, not fatal.
/// </summary>
public sealed class PassageIndex : IDisposable
{
    private const string SchemaKey = "schema";
    private const string SourcesKey = "sources";
    private const string SequenceKey = "change_seq";

    private readonly Directory _directory;
    private readonly IndexOwnerLock? _ownerLock;
    private readonly IndexWriter? _writer;
    private readonly System.Threading.Lock _writeLock = new();
    private readonly System.Threading.Lock _progressLock = new();
    private readonly IPassageAnnotator? _annotator;
    private readonly System.Collections.Concurrent.ConcurrentBag<PassageDocumentBuilder> _allBuilders = [];
    private readonly ThreadLocal<PassageDocumentBuilder> _builders;
    private readonly Dictionary<string, string> _indexedHashes;
    private long _appliedSequence;

    private PassageIndex(TextAnalysis analysis, Directory directory, IndexOwnerLock? ownerLock, IndexWriter? writer, SearcherManager searchers, Dictionary<string, string> hashes, string schema, IPassageAnnotator? annotator, string? readOnlyReason)
    {
        Analysis = analysis;
        _directory = directory;
        _ownerLock = ownerLock;
        _writer = writer;
        Searchers = searchers;
        _indexedHashes = hashes;
        Schema = schema;
        _annotator = annotator;
        ReadOnlyReason = readOnlyReason;
        _builders = new ThreadLocal<PassageDocumentBuilder>(() =>
        {
            var builder = new PassageDocumentBuilder();
            _allBuilders.Add(builder);
            return builder;
        });
    }

    internal TextAnalysis Analysis { get; }

    internal SearcherManager Searchers { get; }

    internal string Schema { get; }

    /// <summary>False when another process owns the index: this one answers from the last commit.</summary>
    public bool IsWritable => _writer is not null && ReadOnlyReason is null;

    /// <summary>Why the index is read-only (names the owning process), or null.</summary>
    public string? ReadOnlyReason { get; }

    /// <summary>
    /// Raised after a moderator's change is committed and searchable (<see cref="Upsert"/>, <see cref="Delete"/>),
    /// on the thread that made it; the semantic layer follows the library through it.
    /// </summary>
    public event Action<IndexChange>? Changed;

    /// <summary>
    /// The last store change-log sequence this index has applied (postgres mode), kept in the commit data so a
    /// restart catches up from there; 0 for a new or rebuilt index, and always 0 in files mode.
    /// </summary>
    public long AppliedSequence => Interlocked.Read(ref _appliedSequence);

    /// <summary>True once any source belongs to a community (searches then need a scope filter).</summary>
    public bool HasCommunitySources { get; private set; } = true;

    /// <summary>Source ids and content hashes currently indexed.</summary>
    public IReadOnlyDictionary<string, string> IndexedSources
    {
        get
        {
            lock (_writeLock)
            {
                return new Dictionary<string, string>(_indexedHashes, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>
    /// Opens the index for a corpus and brings it up to date. If another process owns the on-disk index
    /// and that index does not match the corpus, the corpus is indexed in memory for this process instead.
    /// </summary>
    public static (PassageIndex Index, IndexSyncReport Report) Open(
        string dataDirectory,
        CorpusLoad corpus,
        SynonymList synonyms,
        IPassageAnnotator? annotator = null,
        IProgress<IndexProgress>? progress = null,
        bool forceRebuild = false,
        bool keepUnlisted = false)
    {
        var analysis = new TextAnalysis(synonyms);
        var schema = SchemaOf(analysis, annotator);
        var ownerLock = IndexOwnerLock.TryAcquire(dataDirectory, out var holder);
        if (ownerLock is null)
        {
            return OpenReadOnly(dataDirectory, corpus, analysis, schema, annotator, holder!, progress);
        }

        var indexPath = Path.Combine(dataDirectory, "index");
        System.IO.Directory.CreateDirectory(indexPath);
        var directory = new NIOFSDirectory(new DirectoryInfo(indexPath));
        try
        {
            var (hashes, sequence, reason) = forceRebuild ? ([], 0, "rebuild requested") : ReadCommit(directory, schema);
            if (reason is not null)
            {
                // CREATE still reads the old commit point; a corrupt one must go first.
                ClearDirectory(indexPath);
            }

            var writer = new IndexWriter(directory, WriterConfig(analysis, reason is null ? OpenMode.CREATE_OR_APPEND : OpenMode.CREATE));
            var index = new PassageIndex(analysis, directory, ownerLock, writer, new SearcherManager(writer, applyAllDeletes: true, new Bm25SearcherFactory()), reason is null ? hashes : [], schema, annotator, null);
            index._appliedSequence = reason is null ? sequence : 0;
            var report = index.SynchronizeWith(writer, corpus, reason, progress, keepUnlisted);
            return (index, report);
        }
        catch
        {
            directory.Dispose();
            ownerLock.Dispose();
            throw;
        }
    }

    /// <summary>Builds an index in memory (tests, benchmarks, read-only fallback).</summary>
    public static (PassageIndex Index, IndexSyncReport Report) OpenInMemory(CorpusLoad corpus, SynonymList synonyms, IPassageAnnotator? annotator = null, IProgress<IndexProgress>? progress = null, string? readOnlyReason = null)
    {
        var analysis = new TextAnalysis(synonyms);
        var schema = SchemaOf(analysis, annotator);
        var directory = new RAMDirectory();
        var writer = new IndexWriter(directory, WriterConfig(analysis, OpenMode.CREATE));
        var index = new PassageIndex(analysis, directory, null, writer, new SearcherManager(writer, true, new Bm25SearcherFactory()), [], schema, annotator, readOnlyReason);
        return (index, index.SynchronizeWith(writer, corpus, "in-memory index", progress) with { IsReadOnly = readOnlyReason is not null, ReadOnlyReason = readOnlyReason });
    }

    private static (PassageIndex, IndexSyncReport) OpenReadOnly(string dataDirectory, CorpusLoad corpus, TextAnalysis analysis, string schema, IPassageAnnotator? annotator, string holder, IProgress<IndexProgress>? progress)
    {
        var reason = $"the index is owned by {holder}; answering read-only from its last commit";
        var indexPath = Path.Combine(dataDirectory, "index");
        if (System.IO.Directory.Exists(indexPath))
        {
            var directory = new NIOFSDirectory(new DirectoryInfo(indexPath));
            var (hashes, _, staleReason) = ReadCommit(directory, schema);
            if (staleReason is null && Matches(hashes, corpus))
            {
                var searchers = new SearcherManager(directory, new Bm25SearcherFactory());
                var index = new PassageIndex(analysis, directory, null, null, searchers, hashes, schema, annotator, reason);
                index.RefreshCommunityFlag();
                var report = new IndexSyncReport(false, null, 0, 0, 0, index.CountPassages(), TimeSpan.Zero, true, reason);
                return (index, report);
            }

            directory.Dispose();
        }

        var synonyms = analysis.Synonyms;
        analysis.Dispose();
        return OpenInMemory(corpus, synonyms, annotator, progress, $"the index is owned by {holder} and differs from the corpus; answering from an in-memory copy");
    }

    /// <summary>
    /// What the index's documents depend on: the analysis chain, the annotator and the document layout
    /// (<see cref="PassageDocuments.Layout"/>). A difference rebuilds the index.
    /// </summary>
    private static string SchemaOf(TextAnalysis analysis, IPassageAnnotator? annotator) =>
        $"{analysis.Version_};annotator={annotator?.Version ?? "none"};{PassageDocuments.Layout}";

    private static bool Matches(Dictionary<string, string> hashes, CorpusLoad corpus) =>
        hashes.Count == corpus.Sources.Count && corpus.Sources.All(d => hashes.TryGetValue(d.Info.Id, out var h) && h == d.ContentHash);

    private static IndexWriterConfig WriterConfig(TextAnalysis analysis, OpenMode mode) =>
        new(LuceneVersion.LUCENE_48, analysis.Index)
        {
            Similarity = new BM25Similarity(),
            OpenMode = mode,
            // Flushes happen on the indexing threads while a library is indexed, each of a few tens of thousands of
            // passages, so the commit at the end has little left to flush on its one thread: with a larger buffer a
            // 100,000-passage build flushed everything in the commit, one segment after the other.
            RAMBufferSizeMB = 32,
            // A segment, flushed or merged, stays as its own files instead of being copied into one compound file:
            // the index has a handful of segments, so the file handles a compound file saves are few, and the copy
            // cost every flush its segment's size in extra writing.
            UseCompoundFile = false,
            MergePolicy = new TieredMergePolicy { NoCFSRatio = 0 },
        };

    /// <summary>Reads the last commit's data; a reason to rebuild when it is missing, corrupt or of another schema.</summary>
    private static (Dictionary<string, string> Hashes, long Sequence, string? RebuildReason) ReadCommit(Directory directory, string schema)
    {
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                return ([], 0, "no index yet");
            }

            using var reader = DirectoryReader.Open(directory);
            var data = reader.IndexCommit.UserData;
            if (!data.TryGetValue(SchemaKey, out var recorded) || recorded != schema)
            {
                return ([], 0, "the analysis chain, synonyms or claim lexicon changed");
            }

            var hashes = data.TryGetValue(SourcesKey, out var json)
                ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []
                : [];
            var sequence = data.TryGetValue(SequenceKey, out var recordedSequence)
                && long.TryParse(recordedSequence, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
            return (new Dictionary<string, string>(hashes, StringComparer.Ordinal), sequence, null);
        }
        catch (Exception ex) when (ex is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or JsonException or UnauthorizedAccessException)
        {
            return ([], 0, $"the index could not be read ({ex.GetType().Name}); rebuilding");
        }
    }

    /// <summary>Brings the index in line with the corpus: new and changed sources indexed, vanished ones removed.</summary>
    public IndexSyncReport Synchronize(CorpusLoad corpus, string? rebuildReason = null, IProgress<IndexProgress>? progress = null) =>
        SynchronizeWith(RequireWriter(), corpus, rebuildReason, progress, keepUnlisted: false);

    /// <remarks>
    /// <paramref name="keepUnlisted"/> keeps indexed sources the corpus does not list: in postgres mode the corpus
    /// is only the shipped one, and added sources come and go through <see cref="Apply"/>.
    /// </remarks>
    private IndexSyncReport SynchronizeWith(IndexWriter writer, CorpusLoad corpus, string? rebuildReason, IProgress<IndexProgress>? progress, bool keepUnlisted = false)
    {
        var watch = Stopwatch.StartNew();
        int added = 0, updated = 0, removed = 0;
        lock (_writeLock)
        {
            var wanted = corpus.Sources.ToDictionary(d => d.Info.Id, StringComparer.Ordinal);
            foreach (var gone in _indexedHashes.Keys.Where(id => !keepUnlisted && !wanted.ContainsKey(id)).ToList())
            {
                writer.DeleteDocuments(new Term(PassageDocuments.SourceIdField, gone));
                _indexedHashes.Remove(gone);
                removed++;
            }

            var pending = corpus.Sources.Where(d => !_indexedHashes.TryGetValue(d.Info.Id, out var hash) || hash != d.ContentHash).ToList();
            updated = pending.Count(d => _indexedHashes.ContainsKey(d.Info.Id));
            added = pending.Count - updated;

            // Sources are prepared (chunked, analysed, claims extracted) on every core; the writer takes
            // documents from several threads at once. Each source is still one block.
            var done = 0;
            var hashes = new System.Collections.Concurrent.ConcurrentBag<(string Id, string Hash)>();
            // A source is read when its turn comes, so a large library is never all in memory at once.
            Parallel.ForEach(pending, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, entry =>
            {
                if (TryLoad(entry) is { } document)
                {
                    AddSource(writer, document, Prepare(document));
                    hashes.Add((document.Info.Id, document.ContentHash));
                }

                var count = Interlocked.Increment(ref done);
                lock (_progressLock)
                {
                    progress?.Report(new IndexProgress(count, pending.Count, "indexing sources"));
                }
            });
            foreach (var (id, hash) in hashes)
            {
                _indexedHashes[id] = hash;
            }

            if (added + updated + removed > 0 || rebuildReason is not null)
            {
                CommitLocked(writer);
            }
        }

        Searchers.MaybeRefreshBlocking();
        RefreshCommunityFlag();
        return new IndexSyncReport(rebuildReason is not null, rebuildReason, added, updated, removed, CountPassages(), watch.Elapsed, false, null);
    }

    /// <summary>
    /// A pending source's text, or null when its file changed into something unreadable since the corpus was
    /// loaded: it is left out of this commit and tried again at the next start.
    /// </summary>
    private static SourceDocument? TryLoad(CorpusEntry entry)
    {
        try
        {
            return entry.Load();
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Indexes (or replaces) one source, commits and refreshes: when this returns, it is durable and searchable.</summary>
    public int Upsert(SourceDocument document)
    {
        var writer = RequireWriter();
        IReadOnlyList<Passage> passages;
        lock (_writeLock)
        {
            passages = WriteSource(writer, document);
            CommitLocked(writer);
        }

        Searchers.MaybeRefreshBlocking();
        var community = document.Info.CommunityId;
        Changed?.Invoke(new IndexChange(
            [document.Info.Id],
            [.. passages.Select(p => new IndexedPassage(p.Id, p.SourceId, community, Semantic.PassageVectorKey.Of(p.Text)))]));
        return passages.Count;
    }

    /// <summary>
    /// Applies a batch of store changes as one commit that also records <see cref="ChangeBatch.LastSequence"/>: a
    /// replica killed part-way through a catch-up resumes after the last batch it committed. A source already
    /// indexed with the same content is not indexed again, so applying a batch twice changes nothing.
    /// </summary>
    /// <returns>How many sources were (re)indexed and how many removed.</returns>
    public (int Indexed, int Removed) Apply(ChangeBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var writer = RequireWriter();
        var removedIds = new List<string>();
        var added = new System.Collections.Concurrent.ConcurrentBag<IndexedPassage>();
        List<SourceDocument> pending;
        lock (_writeLock)
        {
            foreach (var id in batch.Removals.Where(_indexedHashes.ContainsKey))
            {
                writer.DeleteDocuments(new Term(PassageDocuments.SourceIdField, id));
                _indexedHashes.Remove(id);
                removedIds.Add(id);
            }

            pending = batch.Upserts
                .Where(d => !_indexedHashes.TryGetValue(d.Info.Id, out var hash) || hash != d.ContentHash)
                .ToList();
            var hashes = new System.Collections.Concurrent.ConcurrentBag<(string Id, string Hash)>();
            Parallel.ForEach(pending, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, document =>
            {
                var prepared = Prepare(document);
                AddSource(writer, document, prepared);
                hashes.Add((document.Info.Id, document.ContentHash));
                foreach (var p in prepared.Passages)
                {
                    added.Add(new IndexedPassage(p.Id, p.SourceId, document.Info.CommunityId, Semantic.PassageVectorKey.Of(p.Text)));
                }
            });
            foreach (var (id, hash) in hashes)
            {
                _indexedHashes[id] = hash;
            }

            Interlocked.Exchange(ref _appliedSequence, Math.Max(batch.LastSequence, AppliedSequence));
            CommitLocked(writer);
        }

        Searchers.MaybeRefreshBlocking();
        if (removedIds.Count + pending.Count > 0)
        {
            RefreshCommunityFlag();
            Changed?.Invoke(new IndexChange([.. removedIds, .. pending.Select(d => d.Info.Id)], [.. added]));
        }

        return (pending.Count, removedIds.Count);
    }

    /// <summary>Removes one source's passages, commits and refreshes.</summary>
    public void Delete(string sourceId)
    {
        var writer = RequireWriter();
        lock (_writeLock)
        {
            writer.DeleteDocuments(new Term(PassageDocuments.SourceIdField, sourceId));
            _indexedHashes.Remove(sourceId);
            CommitLocked(writer);
        }

        Searchers.MaybeRefreshBlocking();
        Changed?.Invoke(new IndexChange([sourceId], []));
    }

    /// <summary>Every live passage, read from the current searcher (the semantic layer's starting point).</summary>
    public IReadOnlyList<IndexedPassage> LivePassages()
    {
        var searcher = Searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            var liveDocs = MultiFields.GetLiveDocs(reader);
            var passages = new List<IndexedPassage>(reader.NumDocs);

            // One string per source and community, not one per passage: this list can hold a million passages.
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            string Shared(string name) => names.TryGetValue(name, out var shared) ? shared : names[name] = name;
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (liveDocs is not null && !liveDocs.Get(doc))
                {
                    continue;
                }

                var fields = reader.Document(doc, IndexedPassageFields);
                if (Semantic.PassageVectorKey.TryParseHex(fields.Get(PassageDocuments.VectorKeyField, System.Globalization.CultureInfo.InvariantCulture), out var key))
                {
                    var community = fields.Get(PassageDocuments.CommunityField, System.Globalization.CultureInfo.InvariantCulture);
                    passages.Add(new IndexedPassage(
                        fields.Get(PassageDocuments.IdField, System.Globalization.CultureInfo.InvariantCulture),
                        Shared(fields.Get(PassageDocuments.SourceIdField, System.Globalization.CultureInfo.InvariantCulture)),
                        community == PassageDocuments.GlobalCommunity ? null : Shared(community),
                        key));
                }
            }

            return passages;
        }
        finally
        {
            Searchers.Release(searcher);
        }
    }

    /// <summary>A live passage by id, or false when the index no longer holds it.</summary>
    public bool TryReadPassage(string passageId, out Passage passage)
    {
        var searcher = Searchers.Acquire();
        try
        {
            var top = searcher.Search(new TermQuery(new Term(PassageDocuments.IdField, passageId)), 1);
            if (top.ScoreDocs.Length == 0)
            {
                passage = null!;
                return false;
            }

            passage = PassageDocuments.ReadPassage(searcher.Doc(top.ScoreDocs[0].Doc));
            return true;
        }
        finally
        {
            Searchers.Release(searcher);
        }
    }

    private static readonly ISet<string> IndexedPassageFields = new HashSet<string>(StringComparer.Ordinal)
    {
        PassageDocuments.IdField, PassageDocuments.SourceIdField, PassageDocuments.CommunityField, PassageDocuments.VectorKeyField,
    };

    /// <summary>Recomputes <see cref="HasCommunitySources"/> from the current searcher.</summary>
    private void RefreshCommunityFlag()
    {
        var searcher = Searchers.Acquire();
        try
        {
            var global = searcher.Search(new TermQuery(new Term(PassageDocuments.CommunityField, PassageDocuments.GlobalCommunity)), 1).TotalHits;
            HasCommunitySources = global < searcher.IndexReader.NumDocs;
        }
        finally
        {
            Searchers.Release(searcher);
        }
    }

    /// <summary>Live passages in the current searcher.</summary>
    public int CountPassages()
    {
        var searcher = Searchers.Acquire();
        try
        {
            return searcher.IndexReader.NumDocs;
        }
        finally
        {
            Searchers.Release(searcher);
        }
    }

    private IReadOnlyList<Passage> WriteSource(IndexWriter writer, SourceDocument document)
    {
        var prepared = Prepare(document);
        AddSource(writer, document, prepared);
        _indexedHashes[document.Info.Id] = document.ContentHash;
        return prepared.Passages;
    }

    /// <summary>
    /// A source cut into passages, each analysed and its claims extracted: the CPU-bound part of indexing, done before
    /// the writer sees any of it.
    /// </summary>
    private PreparedSource Prepare(SourceDocument document)
    {
        var passages = PassageChunker.Chunk(document);
        var fields = new (List<AnalyzedToken> Tokens, string? Claims)[passages.Count];
        for (var i = 0; i < passages.Count; i++)
        {
            fields[i] = (Analysis.AnalyzeText(passages[i].Text), _annotator?.Annotate(passages[i].Text));
        }

        return new PreparedSource(passages, fields);
    }

    private void AddSource(IndexWriter writer, SourceDocument document, PreparedSource prepared)
    {
        if (document.Info.CommunityId is not null)
        {
            HasCommunitySources = true;
        }

        // One block: searchers never see a half-replaced source. The writer takes the documents one at a time, so
        // this thread's builder fills the same fields for each.
        writer.UpdateDocuments(new Term(PassageDocuments.SourceIdField, document.Info.Id), Documents(document, prepared, _builders.Value!));
    }

    private static IEnumerable<IEnumerable<IIndexableField>> Documents(SourceDocument document, PreparedSource prepared, PassageDocumentBuilder builder)
    {
        var sourceJson = PassageDocuments.SourceJson(document.Info);
        var community = document.Info.CommunityId ?? PassageDocuments.GlobalCommunity;
        for (var i = 0; i < prepared.Passages.Count; i++)
        {
            yield return builder.Fill(prepared.Passages[i], prepared.Fields[i].Tokens, sourceJson, prepared.Fields[i].Claims, community);
        }
    }

    /// <summary>A source's passages with each one's analysed tokens and claims (JSON, or null for none).</summary>
    private sealed record PreparedSource(IReadOnlyList<Passage> Passages, (List<AnalyzedToken> Tokens, string? Claims)[] Fields);

    private void CommitLocked(IndexWriter writer)
    {
        // Set explicitly before every commit: carried-over user data is unreliable in beta00017 (#947/#948).
        var data = new Dictionary<string, string>
        {
            [SchemaKey] = Schema,
            [SourcesKey] = JsonSerializer.Serialize(_indexedHashes),
        };
        if (AppliedSequence > 0)
        {
            data[SequenceKey] = AppliedSequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        writer.SetCommitData(data);
        writer.Commit();
    }

    private IndexWriter RequireWriter() =>
        IsWritable ? _writer! : throw new InvalidOperationException(ReadOnlyReason ?? "the index is read-only");

    /// <summary>Deletes the index files (only ours: the directory holds nothing else).</summary>
    private static void ClearDirectory(string indexPath)
    {
        foreach (var file in System.IO.Directory.GetFiles(indexPath))
        {
            File.Delete(file);
        }
    }

    public void Dispose()
    {
        // Order matters: searchers, then the writer (Dispose commits), then the directory (docs/index-design.md).
        Searchers.Dispose();
        _writer?.Dispose();
        _directory.Dispose();
        _ownerLock?.Dispose();
        Analysis.Dispose();
        while (_allBuilders.TryTake(out var builder))
        {
            builder.Dispose();
        }

        _builders.Dispose();
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
