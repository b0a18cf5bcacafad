using System.Globalization;
using System.Text;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Retrieval;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Sources;

/// <summary>
/// Added sources as <c>{data}/sources/{id}.md</c> in the corpus format. Writes go to a temp file in the
/// same directory, are flushed to disk, then renamed over the final name (atomic on one file system), so
/// a crash leaves either no file or a whole one; IndexHost indexes any file it finds at start-up.
/// Removed sources move to <c>sources/.removed/</c>, which the corpus loader does not read.
/// </summary>
public sealed class FileSourceStore(IOptions<DataOptions> data, TimeProvider time) : ISourceStore
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The directory the corpus loader reads added sources from.</summary>
    public string SourcesPath => Path.GetFullPath(data.Value.SourcesPath);

    /// <summary>Where removed sources wait to be recovered by hand.</summary>
    public string RemovedPath => Path.Combine(SourcesPath, ".removed");

    public Task<CorpusLoad> LoadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(CorpusLoader.Load([], SourcesPath));
    }

    public bool IsIdTaken(string sourceId)
    {
        RequireSlug(sourceId);
        return File.Exists(PathOf(sourceId))
            || (Directory.Exists(RemovedPath) && Directory.EnumerateFiles(RemovedPath, sourceId + ".*").Any(f => Path.GetFileName(f).StartsWith(sourceId + ".", StringComparison.Ordinal)));
    }

    public async Task<SourceDocument> WriteAsync(SourceInfo info, IReadOnlyList<SourceBlock> blocks, CancellationToken cancellationToken)
    {
        RequireSlug(info.Id);
        Directory.CreateDirectory(SourcesPath);
        var finalPath = PathOf(info.Id);
        if (File.Exists(finalPath))
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

        // A dot-prefixed temp name does not match "*.md", so a crash here leaves nothing the loader reads.
        var tempPath = Path.Combine(SourcesPath, $".{info.Id}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(tempPath, finalPath, overwrite: false);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }

        return parsed.Document;
    }

    public Task<bool> RemoveAsync(string sourceId, CancellationToken cancellationToken)
    {
        RequireSlug(sourceId);
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathOf(sourceId);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        Directory.CreateDirectory(RemovedPath);
        var stamp = time.GetUtcNow().ToString("yyyyMMddTHHmmssfffZ", CultureInfo.InvariantCulture);
        File.Move(path, Path.Combine(RemovedPath, $"{sourceId}.{stamp}.md"), overwrite: false);
        return Task.FromResult(true);
    }

    private string PathOf(string sourceId) => Path.Combine(SourcesPath, sourceId + ".md");

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
