using System.Text.Json;

namespace HonchoBot.Core.Corpus;

/// <summary>
/// What the last load learnt from each corpus file (its metadata, content hash and passage count), keyed by path
/// and checked against the file's length and last-write time, so a restart on an unchanged library reads no source
/// file. It is only a cache: a missing, corrupt or outdated manifest means every file is read again, and the
/// manifest is written anew. It records the build of the code that parsed the files, so a parser change never
/// serves stale metadata.
/// </summary>
internal sealed class CorpusManifest
{
    private static readonly string Build = typeof(CorpusManifest).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly Dictionary<string, ManifestFile> _files;

    private CorpusManifest(Dictionary<string, ManifestFile> files) => _files = files;

    /// <summary>Set when the files on disk no longer match what was read.</summary>
    public bool IsChanged { get; private set; }

    public static CorpusManifest Read(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return new CorpusManifest(new Dictionary<string, ManifestFile>(StringComparer.Ordinal)) { IsChanged = path is not null };
        }

        try
        {
            var stored = JsonSerializer.Deserialize<StoredManifest>(File.ReadAllBytes(path), JsonDefaults.Compact);
            if (stored?.Build == Build && stored.Files is not null)
            {
                return new CorpusManifest(new Dictionary<string, ManifestFile>(stored.Files, StringComparer.Ordinal));
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // A cache: whatever is wrong with it, the files themselves are read.
        }

        return new CorpusManifest(new Dictionary<string, ManifestFile>(StringComparer.Ordinal)) { IsChanged = true };
    }

    /// <summary>What is known of the file, when its length and last-write time are those recorded.</summary>
    public ManifestFile? Lookup(string path, FileInfo file) =>
        _files.TryGetValue(path, out var known) && known.Length == file.Length && known.LastWriteTicks == file.LastWriteTimeUtc.Ticks ? known : null;

    public void Record(string path, FileInfo file, SourceDocument document, int passages)
    {
        _files[path] = new ManifestFile(file.Length, file.LastWriteTimeUtc.Ticks, document.ContentHash, passages, document.Info);
        IsChanged = true;
    }

    /// <summary>Forgets files that were not seen in this load.</summary>
    public void Keep(IReadOnlySet<string> seen)
    {
        foreach (var path in _files.Keys.Where(p => !seen.Contains(p)).ToList())
        {
            _files.Remove(path);
            IsChanged = true;
        }
    }

    /// <summary>Writes the manifest when it changed (temp file, then rename); a failure only costs a re-read next time.</summary>
    public void WriteIfChanged(string path)
    {
        if (!IsChanged)
        {
            return;
        }

        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(new StoredManifest(Build, _files), JsonDefaults.Compact));
            File.Move(temp, path, overwrite: true);
            IsChanged = false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Left for the next write to replace; it never matches "*.md".
            }
        }
    }

    private sealed record StoredManifest(string Build, Dictionary<string, ManifestFile>? Files);
}

/// <summary>What a corpus file held when it had this length and last-write time.</summary>
internal sealed record ManifestFile(long Length, long LastWriteTicks, string ContentHash, int Passages, SourceInfo Info);
