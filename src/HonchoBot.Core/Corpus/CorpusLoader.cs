namespace HonchoBot.Core.Corpus;

/// <summary>What a load found: the sources that parsed and one error per file that did not.</summary>
public sealed class CorpusLoad
{
    private readonly Lazy<IReadOnlyList<SourceDocument>> _documents;

    /// <summary>A load of documents already in memory.</summary>
    public CorpusLoad(IReadOnlyList<SourceDocument> documents, IReadOnlyList<CorpusError> errors)
        : this(documents.Select(CorpusEntry.Of).ToList(), errors)
    {
    }

    public CorpusLoad(IReadOnlyList<CorpusEntry> sources, IReadOnlyList<CorpusError> errors)
    {
        Sources = sources;
        Errors = errors;
        _documents = new Lazy<IReadOnlyList<SourceDocument>>(() => [.. Sources.Select(s => s.Load())]);
    }

    /// <summary>Every source that parsed, in load order, without its text.</summary>
    public IReadOnlyList<CorpusEntry> Sources { get; }

    /// <summary>Every source with its text: reads every file of a load from disk, so only for small libraries.</summary>
    public IReadOnlyList<SourceDocument> Documents => _documents.Value;

    public IReadOnlyList<CorpusError> Errors { get; }
}

/// <summary>
/// Loads <c>*.md</c> files from corpus directories (shipped, read-only) and the data directory's
/// <c>sources/</c>. A malformed file is reported with its name and reason; the others still load.
/// </summary>
public static class CorpusLoader
{
    // Parsed documents are kept for the caller (who usually indexes them next) up to this many bytes of files read
    // in one load; past it, an entry reads its file again when asked, so a first load of a huge library does not
    // hold the library in memory.
    private const long KeepParsedBytes = 64L * 1024 * 1024;

    /// <summary>Loads every directory in order; a later file with an id already seen is an error.</summary>
    public static CorpusLoad Load(IEnumerable<string> shippedDirectories, string? addedDirectory) =>
        Load(shippedDirectories, addedDirectory, manifestPath: null);

    /// <summary>
    /// As <see cref="Load(IEnumerable{string}, string?)"/>, but files unchanged since the manifest at
    /// <paramref name="manifestPath"/> was written are not read: their metadata and hash come from it. The manifest
    /// is then brought up to date.
    /// </summary>
    public static CorpusLoad Load(IEnumerable<string> shippedDirectories, string? addedDirectory, string? manifestPath)
    {
        var manifest = CorpusManifest.Read(manifestPath);
        var sources = new List<CorpusEntry>();
        var errors = new List<CorpusError>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        long bytesRead = 0;

        foreach (var directory in shippedDirectories)
        {
            LoadDirectory(directory, isShipped: true);
        }

        if (addedDirectory is not null)
        {
            LoadDirectory(addedDirectory, isShipped: false);
        }

        if (manifestPath is not null)
        {
            manifest.Keep(paths);
            manifest.WriteIfChanged(manifestPath);
        }

        return new CorpusLoad(sources, errors);

        void LoadDirectory(string directory, bool isShipped)
        {
            if (!Directory.Exists(directory))
            {
                if (isShipped)
                {
                    errors.Add(new CorpusError(directory, "corpus directory not found"));
                }

                return;
            }

            // Ordinal order keeps builds deterministic across file systems. Files are read and parsed on every core
            // a batch at a time (a first load of a large library reads every file), then taken in order.
            var files = Directory.GetFiles(directory, "*.md").Order(StringComparer.Ordinal).ToList();
            for (var batch = 0; batch < files.Count; batch += ReadBatch)
            {
                var reads = new FileRead[Math.Min(ReadBatch, files.Count - batch)];
                Parallel.For(0, reads.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
                    reads[i] = Read(files[batch + i], isShipped, manifest, countPassages: manifestPath is not null));
                foreach (var read in reads)
                {
                    Take(read, isShipped);
                }
            }
        }

        void Take(FileRead read, bool isShipped)
        {
            paths.Add(read.Path);
            if (read.Error is not null)
            {
                errors.Add(read.Error);
                return;
            }

            CorpusEntry entry;
            if (read.Known is { } known)
            {
                entry = new CorpusEntry(known.Info, known.ContentHash, () => Reread(read.Path, read.Name, isShipped), known.Passages);
            }
            else
            {
                var document = read.Document!;
                bytesRead += read.Bytes;
                var keep = manifestPath is null || bytesRead <= KeepParsedBytes;
                entry = new CorpusEntry(document.Info, document.ContentHash, keep ? () => document : () => Reread(read.Path, read.Name, isShipped), read.Passages);
                if (manifestPath is not null)
                {
                    manifest.Record(read.Path, read.Info!, document, entry.Passages);
                }
            }

            if (seen.TryGetValue(entry.Info.Id, out var other))
            {
                errors.Add(new CorpusError(read.Name, $"id '{entry.Info.Id}' is already used by {other}"));
            }
            else
            {
                seen[entry.Info.Id] = read.Name;
                sources.Add(entry);
            }
        }
    }

    /// <summary>Files read and parsed together before they are taken in order.</summary>
    private const int ReadBatch = 64;

    /// <summary>One file as read: what the manifest knows of it, or its parsed document, or why it cannot load.</summary>
    private sealed record FileRead(string Path, string Name, FileInfo? Info, ManifestFile? Known, SourceDocument? Document, int Bytes, int? Passages, CorpusError? Error);

    /// <summary>
    /// Looks a file up in the manifest, else reads and parses it (and counts its passages, for the manifest). Runs on
    /// several threads at once: it only reads the manifest.
    /// </summary>
    private static FileRead Read(string file, bool isShipped, CorpusManifest manifest, bool countPassages)
    {
        var name = System.IO.Path.GetFileName(file);
        var path = System.IO.Path.GetFullPath(file);
        try
        {
            var info = new FileInfo(path);
            if (manifest.Lookup(path, info) is { } known)
            {
                return new FileRead(path, name, info, known, null, 0, null, null);
            }

            var bytes = File.ReadAllBytes(path);
            var result = SourceFileFormat.Parse(bytes, name, isShipped);
            if (result.Error is not null)
            {
                return new FileRead(path, name, info, null, null, 0, null, result.Error);
            }

            int? passages = countPassages ? PassageChunker.Count(result.Document!) : null;
            return new FileRead(path, name, info, null, result.Document, bytes.Length, passages, null);
        }
        catch (IOException ex)
        {
            return new FileRead(path, name, null, null, null, 0, null, new CorpusError(name, $"could not be read: {ex.Message}"));
        }
        catch (UnauthorizedAccessException)
        {
            return new FileRead(path, name, null, null, null, 0, null, new CorpusError(name, "permission denied"));
        }
    }

    /// <summary>Reads a source file again for its text.</summary>
    private static SourceDocument Reread(string path, string name, bool isShipped)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new IOException($"{name}: permission denied", ex);
        }

        var result = SourceFileFormat.Parse(bytes, name, isShipped);
        return result.Document ?? throw new IOException($"{name}: {result.Error?.Reason ?? "no longer parses"}");
    }
}
