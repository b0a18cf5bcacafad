using HonchoBot.Core.Corpus;

namespace HonchoBot.Core.Sources;

/// <summary>
/// Where moderator-added sources live. The embedded default is <see cref="FileSourceStore"/> (Markdown
/// files in the data directory); a database-backed store for several machines can sit behind this same
/// seam, so the registry never touches files itself.
/// </summary>
/// <remarks>
/// A new source is written in two steps so that a crash can never leave a live source the audit log does not
/// explain: <see cref="StageAsync"/> stores it durably where the library does not read it, the registry
/// indexes and audits it, and only then <see cref="PublishAsync"/> puts it in the library. Whatever is still
/// staged after a crash is either published (its add was audited) or discarded (it was not) by the registry's
/// recovery at the next start.
/// </remarks>
public interface ISourceStore
{
    /// <summary>Every added source that parses; files that do not are reported, not fatal.</summary>
    Task<CorpusLoad> LoadAsync(CancellationToken cancellationToken);

    /// <summary>True when an added, staged or removed (kept for recovery) source already uses this id.</summary>
    bool IsIdTaken(string sourceId);

    /// <summary>Stores a new source durably outside the library and returns it as read back, content hash included.</summary>
    Task<SourceDocument> StageAsync(SourceInfo info, IReadOnlyList<SourceBlock> blocks, CancellationToken cancellationToken);

    /// <summary>Moves a staged source into the library (atomically); false when nothing is staged under that id.</summary>
    Task<bool> PublishAsync(string sourceId, CancellationToken cancellationToken);

    /// <summary>Moves a staged source aside (its text is kept for an operator); false when nothing is staged under that id.</summary>
    Task<bool> DiscardAsync(string sourceId, CancellationToken cancellationToken);

    /// <summary>Sources staged and neither published nor discarded: what a crash left behind.</summary>
    Task<CorpusLoad> LoadStagedAsync(CancellationToken cancellationToken);

    /// <summary>Moves an added source out of the library (recoverable); false when it does not exist.</summary>
    Task<bool> RemoveAsync(string sourceId, CancellationToken cancellationToken);
}
