using HonchoBot.Core.Corpus;
using HonchoBot.Core.Semantic;
using HonchoBot.Core.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Retrieval;

/// <summary>
/// Owns the process's <see cref="PassageIndex"/>: loads the corpus (shipped directories plus the data
/// directory's <c>sources/</c>), opens or rebuilds the index, says whether it is ready, and attaches the
/// semantic layer to it when asked (<see cref="AttachSemantic"/>: it reads every passage's key, so
/// it is not on the way to readiness). In postgres mode the corpus is only the shipped one and added sources
/// reach the index through the store's change log (<see cref="CatchUp"/>), from the sequence the index
/// last committed.
/// </summary>
public sealed partial class IndexHost(
    IOptions<DataOptions> data,
    IOptions<CorpusOptions> corpus,
    SemanticIndex semantic,
    IPassageAnnotator annotator,
    IChangeFeed changes,
    ISourceStore store,
    ILogger<IndexHost> logger) : IDisposable
{
    private readonly System.Threading.Lock _catchUpLock = new();
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Threading.Lock _openLock = new();
    private volatile PassageIndex? _index;
    private readonly System.Threading.Lock _libraryLock = new();
    private volatile CorpusLoad? _library;
    private int _libraryGeneration;
    private string? _vectorPath;

    /// <summary>The open index, or null while it is being built.</summary>
    public PassageIndex? Current => _index;

    public bool IsReady => _index is not null;

    /// <summary>Completes once an index is open (the change follower waits for it).</summary>
    public Task WhenOpen => _opened.Task;

    /// <summary>The dense half of retrieval, attached to the open index.</summary>
    public SemanticIndex Semantic => semantic;

    /// <summary>The corpus directories in use, resolved.</summary>
    public IReadOnlyList<string> CorpusPaths => corpus.Value.Paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();

    public string DataPath => Path.GetFullPath(data.Value.Path);

    /// <summary>Where the corpus loader remembers what unchanged files hold (see <see cref="CorpusLoader"/>).</summary>
    public string CorpusManifestPath => Path.Combine(DataPath, "corpus-manifest.json");

    /// <summary>
    /// Loads the corpus: files unchanged since the last load are not read again. Malformed files are logged with
    /// their name and reason (unless told not to).
    /// </summary>
    public CorpusLoad LoadCorpus(bool logErrors = true)
    {
        // Postgres mode: added sources come from the store's change log, never from the data directory.
        var load = CorpusLoader.Load(CorpusPaths, changes.IsEnabled ? null : Path.Combine(DataPath, "sources"), CorpusManifestPath);
        foreach (var error in logErrors ? load.Errors : [])
        {
            LogCorpusError(logger, error.FileName, error.Reason);
        }

        return load;
    }

    /// <summary>
    /// The library's sources (metadata, hashes, passage counts; no text), cached until the index changes: pages
    /// and lists need not touch the files on every request.
    /// </summary>
    public CorpusLoad Library()
    {
        if (_library is { } cached)
        {
            return cached;
        }

        // A change that lands while this loads must not be overwritten by the older load.
        int generation;
        lock (_libraryLock)
        {
            generation = _libraryGeneration;
        }

        var load = changes.IsEnabled ? LoadStoreLibrary() : LoadCorpus(logErrors: false);
        lock (_libraryLock)
        {
            if (generation == _libraryGeneration)
            {
                _library = load;
            }
        }

        return load;
    }

    /// <summary>
    /// Postgres mode: the shipped corpus plus the store's sources this replica's index holds, so pages show what
    /// this replica answers from.
    /// </summary>
    private CorpusLoad LoadStoreLibrary()
    {
        var shipped = LoadCorpus(logErrors: false);
        var indexed = _index?.IndexedSources ?? new Dictionary<string, string>();
        var added = store.LoadAsync(CancellationToken.None).GetAwaiter().GetResult();
        return new CorpusLoad([.. shipped.Sources, .. added.Sources.Where(s => indexed.ContainsKey(s.Info.Id))], shipped.Errors);
    }

    /// <summary>
    /// Postgres mode: applies the store's changes after the index's last applied sequence, one committed batch at
    /// a time, until there are none (a new replica builds its added sources this way). Does nothing in files mode
    /// or on a read-only index.
    /// </summary>
    /// <returns>The sequence the index is at afterwards.</returns>
    public long CatchUp(CancellationToken cancellationToken = default)
    {
        if (!changes.IsEnabled || _index is not { IsWritable: true } index)
        {
            return 0;
        }

        lock (_catchUpLock)
        {
            var start = index.AppliedSequence;
            var batch = changes.ReadAsync(start, cancellationToken).GetAwaiter().GetResult();
            if (batch.LastSequence <= start)
            {
                return start;
            }

            LogCatchingUp(logger, start);
            while (batch.LastSequence > index.AppliedSequence)
            {
                var (indexed, removed) = index.Apply(batch);
                LogApplied(logger, batch.LastSequence, indexed, removed);
                cancellationToken.ThrowIfCancellationRequested();
                batch = changes.ReadAsync(index.AppliedSequence, cancellationToken).GetAwaiter().GetResult();
            }

            LogCaughtUp(logger, index.AppliedSequence, index.IndexedSources.Count);
            return index.AppliedSequence;
        }
    }

    /// <summary>Opens the index (idempotent); builds or catches it up with the corpus first.</summary>
    public IndexSyncReport Open(IProgress<IndexProgress>? progress = null, bool forceRebuild = false)
    {
        lock (_openLock)
        {
            if (_index is not null && !forceRebuild)
            {
                return new IndexSyncReport(false, null, 0, 0, 0, _index.CountPassages(), TimeSpan.Zero, !_index.IsWritable, _index.ReadOnlyReason);
            }

            _index?.Dispose();
            _index = null;
            var load = LoadCorpus();
            var (index, report) = PassageIndex.Open(DataPath, load, SynonymList.Default, annotator, progress, forceRebuild, keepUnlisted: changes.IsEnabled);
            if (report.ReadOnlyReason is not null)
            {
                LogReadOnly(logger, report.ReadOnlyReason);
            }

            if (report.Rebuilt)
            {
                LogRebuilt(logger, report.RebuildReason ?? "unknown", report.Passages, report.Elapsed.TotalMilliseconds);
            }

            _vectorPath = DataPath;
            Watch(index);
            _index = index;
            CatchUp();
            _opened.TrySetResult();
            return report with { Passages = index.CountPassages() };
        }
    }

    /// <summary>
    /// Serves an index built elsewhere (benchmarks, tests); the host disposes it. Vectors are kept in
    /// <paramref name="vectorDirectory"/>'s store, or in memory when it is null.
    /// </summary>
    internal void Adopt(PassageIndex index, string? vectorDirectory = null)
    {
        lock (_openLock)
        {
            _index?.Dispose();
            _vectorPath = vectorDirectory;
            Watch(index);
            _index = index;
            _opened.TrySetResult();
            semantic.Attach(index, vectorDirectory);
        }
    }

    /// <summary>
    /// Attaches the semantic layer to the open index (idempotent): loads the stored vectors of its passages
    /// and queues the others for embedding. Until then, answers are lexical.
    /// </summary>
    public void AttachSemantic()
    {
        PassageIndex? index;
        string? vectorPath;
        lock (_openLock)
        {
            index = _index;
            vectorPath = _vectorPath;
        }

        if (index is not null)
        {
            semantic.Attach(index, vectorPath);
        }
    }

    /// <summary>The open index; opens it first when needed.</summary>
    public PassageIndex Require()
    {
        if (_index is { } index)
        {
            return index;
        }

        Open();
        return _index!;
    }

    public void Dispose() => _index?.Dispose();

    /// <summary>Forgets the cached library now and whenever the index changes (a source added, replaced or removed).</summary>
    private void Watch(PassageIndex index)
    {
        Forget();
        index.Changed += _ => Forget();
    }

    private void Forget()
    {
        lock (_libraryLock)
        {
            _libraryGeneration++;
            _library = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catching up with the store from change {Sequence}")]
    private static partial void LogCatchingUp(ILogger logger, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied store changes up to {Sequence}: {Indexed} sources indexed, {Removed} removed")]
    private static partial void LogApplied(ILogger logger, long sequence, int indexed, int removed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Caught up with the store at change {Sequence} ({Sources} sources indexed)")]
    private static partial void LogCaughtUp(ILogger logger, long sequence, int sources);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Corpus file {FileName} skipped: {Reason}")]
    private static partial void LogCorpusError(ILogger logger, string fileName, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index is read-only: {Reason}")]
    private static partial void LogReadOnly(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index built ({Reason}): {Passages} passages in {ElapsedMs:F0} ms")]
    private static partial void LogRebuilt(ILogger logger, string reason, int passages, double elapsedMs);
}
