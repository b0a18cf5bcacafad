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

/// <summary>Who asks for a change. The adapter decides <paramref name="IsModerator"/>; the registry re-checks it.</summary>
/// <param name="Platform"><c>cli</c>, <c>discord</c> or <c>slack</c>.</param>
/// <param name="CommunityId"><c>discord:{guild}</c> / <c>slack:{team}</c>; null for the CLI (global library).</param>
public sealed record Requester(
    string Platform,
    string UserId,
    string DisplayName,
    bool IsModerator,
    string? CommunityId = null,
    string? ChannelId = null)
{
    /// <summary>An operator at the shell: a moderator of the global library.</summary>
    public static Requester Cli(string osUser) => new("cli", osUser, osUser, IsModerator: true);
}

/// <summary>What to add and the metadata the moderator gave (all optional).</summary>
public sealed record SourceAddRequest(SourceInput Input, SourceMetadata Metadata);

/// <summary>Where a new source's text comes from.</summary>
public abstract record SourceInput
{
    private SourceInput()
    {
    }

    /// <summary>An http(s) URL a person supplied; always fetched through the SSRF guard.</summary>
    public sealed record FromUrl(string Url) : SourceInput;

    /// <summary>Uploaded bytes with the uploader's file name (only the extension is used).</summary>
    public sealed record FromFile(string FileName, ReadOnlyMemory<byte> Content) : SourceInput;

    /// <summary>Pasted text.</summary>
    public sealed record FromText(string Text) : SourceInput;
}

/// <summary>Optional metadata; missing titles are taken from the document.</summary>
/// <param name="Id">The id wanted for the source (a slug, not yet taken); default: the document's front matter, else one made from the title.</param>
public sealed record SourceMetadata(
    string? Title = null,
    string? Author = null,
    string? Publisher = null,
    string? Url = null,
    string? Published = null,
    string? Notes = null,
    string? Id = null);

/// <summary>The outcome of a change.</summary>
public enum SourceOutcome
{
    /// <summary>Done: added, removed, hidden or unhidden.</summary>
    Done,

    /// <summary>The requester is not a moderator.</summary>
    NotModerator,

    /// <summary>No such source in the requester's community.</summary>
    NotFound,

    /// <summary>The same text or URL is already in the library.</summary>
    Duplicate,

    /// <summary>Over <c>Sources:MaxBytes</c>.</summary>
    TooLarge,

    /// <summary>The URL points at a private, loopback or metadata address, or is not http(s).</summary>
    UnsafeUrl,

    /// <summary>Unknown content type, broken file, empty extraction, bad metadata…</summary>
    Invalid,

    /// <summary>The change is not allowed (e.g. deleting a shipped source from chat).</summary>
    NotAllowed,

    /// <summary>Another process holds the index writer.</summary>
    Locked,

    /// <summary>The fetch or the write failed.</summary>
    Failed,

    /// <summary>Audit only: an add a crash interrupted after it was confirmed, completed at the next start.</summary>
    Recovered,

    /// <summary>Audit only: an add a crash interrupted before it was confirmed, undone at the next start.</summary>
    RolledBack,
}

/// <summary>What a change did, with a message fit to show the requester.</summary>
public sealed record SourceResult(SourceOutcome Outcome, string Message, SourceSummary? Source = null)
{
    /// <summary>True when the change happened.</summary>
    public bool IsDone => Outcome == SourceOutcome.Done;
}

/// <summary>One line of the library listing.</summary>
public sealed record SourceSummary(
    string Id,
    string Title,
    string? Publisher,
    string? Published,
    string? Url,
    string? AddedBy,
    DateTimeOffset? AddedAt,
    int Passages,
    bool IsShipped,
    bool IsHidden,
    string? CommunityId);

/// <summary>One page of the library, 1-based.</summary>
public sealed record SourcePage(IReadOnlyList<SourceSummary> Items, int Page, int PageCount, int Total);

/// <summary>A source's metadata and the first lines of its text.</summary>
public sealed record SourceDetails(SourceSummary Summary, string? Author, string? Notes, string FirstLines);

/// <summary>One line of <c>data/audit.jsonl</c>.</summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Platform,
    string UserId,
    string DisplayName,
    string? CommunityId,
    string? ChannelId,
    string Action,
    string? SourceId,
    string Outcome,
    string? Detail);
