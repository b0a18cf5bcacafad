namespace HonchoBot.Core.Sources;

/// <summary>
/// The one write path for sources (docs/architecture.md, "A source's path"): CLI, Discord and Slack all call it.
/// validate → extract text → store durably → index → audit → confirm. Every outcome is a value, not an exception.
/// </summary>
public interface ISourceRegistry
{
    /// <summary>Adds a source. "Added" is returned only after the file is durable and the index committed.</summary>
    Task<SourceResult> AddAsync(SourceAddRequest request, Requester requester, CancellationToken cancellationToken);

    /// <summary>Removes a moderator-added source of the requester's community (recoverable).</summary>
    Task<SourceResult> RemoveAsync(string sourceId, Requester requester, CancellationToken cancellationToken);

    /// <summary>Hides a source in the requester's community (global sources are hidden there only).</summary>
    Task<SourceResult> HideAsync(string sourceId, Requester requester, CancellationToken cancellationToken);

    /// <summary>Reverses <see cref="HideAsync"/>.</summary>
    Task<SourceResult> UnhideAsync(string sourceId, Requester requester, CancellationToken cancellationToken);

    /// <summary>The sources visible in a community (null: global only), one page at a time, 1-based.</summary>
    Task<SourcePage> ListAsync(string? communityId, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Metadata and first lines of one source, or null when it is unknown in that community.</summary>
    Task<SourceDetails?> ShowAsync(string sourceId, string? communityId, CancellationToken cancellationToken);

    /// <summary>The newest audit entries of a community (null: all), newest last.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string? communityId, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Completes (audited "recovered") or rolls back (audited "rolled_back") the adds a crashed process left
    /// half-done. Runs only in the process that owns the index; the registry also runs it by itself before its
    /// first change or listing.
    /// </summary>
    Task<RecoveryReport> RecoverAsync(CancellationToken cancellationToken);
}
