using System.Globalization;
using System.Text;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Retrieval;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Sources;

/// <summary>
/// Added sources as <c>{data}/sources/{id}.md</c> in the corpus format. A new source is staged in
/// <c>sources/.pending/</c> (a temp file, flushed to disk, renamed to its name: a crash leaves no file or a
/// whole one) and published by a rename into <c>sources/</c>, atomic on one file system; IndexHost indexes
/// what it finds there at start-up. Removed and discarded sources move to <c>sources/.removed/</c>. The corpus
/// loader reads neither dot-directory.
/// </summary>
public sealed class FileSourceStore(IOptions<DataOptions> data, TimeProvider time) : ISourceStore
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The directory the corpus loader reads added sources from.</summary>
    public string SourcesPath => Path.GetFullPath(data.Value.SourcesPath);

    /// <summary>Where removed sources wait to be recovered by hand.</summary>
    public string RemovedPath => Path.Combine(SourcesPath, ".removed");

    /// <summary>Where new sources wait between being stored and being published.</summary>
    public string StagedPath => Path.Combine(SourcesPath, ".pending");

    public Task<CorpusLoad> LoadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(CorpusLoader.Load([], SourcesPath, ManifestPath));
    }

    /// <summary>Remembers what unchanged added files hold, so listing them does not read them (see <see cref="CorpusLoader"/>).</summary>
    private string ManifestPath => Path.Combine(Path.GetFullPath(data.Value.Path), "added-sources-manifest.json");

    public bool IsIdTaken(string sourceId)
    {
        RequireSlug(sourceId);
        return File.Exists(PathOf(sourceId)) || File.Exists(StagedPathOf(sourceId))
            || (Directory.Exists(RemovedPath) && Directory.EnumerateFiles(RemovedPath, sourceId + ".*").Any(f => Path.GetFileName(f).StartsWith(sourceId + ".", StringComparison.Ordinal)));
    }

    public async Task<SourceDocument> StageAsync(SourceInfo info, IReadOnlyList<SourceBlock> blocks, CancellationToken cancellationToken)
    {
        RequireSlug(info.Id);
        Directory.CreateDirectory(StagedPath);
        var stagedPath = StagedPathOf(info.Id);
        if (File.Exists(PathOf(info.Id)) || File.Exists(stagedPath))
        {
            throw new IOException($"a source file for '{info.Id}' already exists");
        }

        var bytes = Utf8.GetBytes(SourceFileFormat.Write(info, blocks));
        var parsed = SourceFileFormat.Parse(bytes, info.Id + ".md", isShipped: false);
        if (parsed.Document is null)
        {
            // Never write what the loader would reject at the next start-up.
            throw new InvalidDataException($"the source would not read back: {parsed.Error}");
        }

        // A dot-prefixed temp name does not match "*.md", so a crash here leaves nothing recovery reads.
        var tempPath = Path.Combine(StagedPath, $".{info.Id}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(tempPath, stagedPath, overwrite: false);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }

        return parsed.Document;
    }

    public Task<bool> PublishAsync(string sourceId, CancellationToken cancellationToken)
    {
        RequireSlug(sourceId);
        cancellationToken.ThrowIfCancellationRequested();
        var stagedPath = StagedPathOf(sourceId);
        if (!File.Exists(stagedPath))
        {
            return Task.FromResult(false);
        }

        File.Move(stagedPath, PathOf(sourceId), overwrite: false);
        return Task.FromResult(true);
    }

    public Task<bool> DiscardAsync(string sourceId, CancellationToken cancellationToken)
    {
        RequireSlug(sourceId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(MoveAside(StagedPathOf(sourceId), sourceId));
    }

    public Task<CorpusLoad> LoadStagedAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Temp files are from a write that never finished: only the index owner stages, and it is not staging now.
        foreach (var temp in Directory.Exists(StagedPath) ? Directory.EnumerateFiles(StagedPath, ".*.tmp").ToList() : [])
        {
            TryDelete(temp);
        }

        return Task.FromResult(CorpusLoader.Load([], StagedPath));
    }

    public Task<bool> RemoveAsync(string sourceId, CancellationToken cancellationToken)
    {
        RequireSlug(sourceId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(MoveAside(PathOf(sourceId), sourceId));
    }

    /// <summary>Moves a source file to <c>.removed/</c> under a time-stamped name; false when there is none.</summary>
    private bool MoveAside(string path, string sourceId)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        Directory.CreateDirectory(RemovedPath);
        var stamp = time.GetUtcNow().ToString("yyyyMMddTHHmmssfffZ", CultureInfo.InvariantCulture);
        File.Move(path, Path.Combine(RemovedPath, $"{sourceId}.{stamp}.md"), overwrite: false);
        return true;
    }

    private string PathOf(string sourceId) => Path.Combine(SourcesPath, sourceId + ".md");

    private string StagedPathOf(string sourceId) => Path.Combine(StagedPath, sourceId + ".md");

    private static void RequireSlug(string sourceId)
    {
        // Second line of defence: ids are generated slugs, but nothing unchecked may become a path.
        if (!SourceIds.IsValid(sourceId))
        {
            throw new ArgumentException($"'{sourceId}' is not a source id", nameof(sourceId));
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
