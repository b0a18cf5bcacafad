using HonchoBot.Core.Corpus;

namespace HonchoBot.Core.Sources;

/// <summary>
/// Where moderator-added sources live. The embedded default is <see cref="FileSourceStore"/> (Markdown
/// files in the data directory); DESIGN.md "Growing past one machine" plans a PostgreSQL store behind
/// this same seam, so the registry never touches files itself.
/// </summary>
public interface ISourceStore
{
    /// <summary>Every added source that parses; files that do not are reported, not fatal.</summary>
    Task<CorpusLoad> LoadAsync(CancellationToken cancellationToken);

    /// <summary>True when an added source (or a removed one kept for recovery) already uses this id.</summary>
    bool IsIdTaken(string sourceId);

    /// <summary>Stores a new source durably and returns it as read back, content hash included.</summary>
    Task<SourceDocument> WriteAsync(SourceInfo info, IReadOnlyList<SourceBlock> blocks, CancellationToken cancellationToken);

    /// <summary>Moves an added source out of the library (recoverable); false when it does not exist.</summary>
    Task<bool> RemoveAsync(string sourceId, CancellationToken cancellationToken);
}
