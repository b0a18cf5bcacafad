namespace HonchoBot.Core.Sources;

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
