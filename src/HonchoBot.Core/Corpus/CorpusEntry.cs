namespace HonchoBot.Core.Corpus;

/// <summary>
/// One source of a corpus load: its metadata and content hash, and the way to its full text. A load from disk
/// holds only these; the text is read when something needs it (indexing a new or changed source, showing one
/// source), so a large library is never all in memory.
/// </summary>
public sealed class CorpusEntry
{
    private readonly Func<SourceDocument> _load;
    private readonly Lazy<int> _passages;

    public CorpusEntry(SourceInfo info, string contentHash, Func<SourceDocument> load, int? passages = null)
    {
        Info = info;
        ContentHash = contentHash;
        _load = load;
        _passages = passages is { } known ? new Lazy<int>(known) : new Lazy<int>(() => PassageChunker.Count(Load()));
    }

    public SourceInfo Info { get; }

    /// <summary>Hash of the source file's bytes (<see cref="SourceDocument.ContentHash"/>).</summary>
    public string ContentHash { get; }

    /// <summary>How many passages the source is cut into.</summary>
    public int Passages => _passages.Value;

    /// <summary>An entry for a document already in memory.</summary>
    public static CorpusEntry Of(SourceDocument document) => new(document.Info, document.ContentHash, () => document);

    /// <summary>The whole source; from disk this reads and parses its file again.</summary>
    /// <exception cref="IOException">The file cannot be read or no longer parses.</exception>
    public SourceDocument Load() => _load();
}
