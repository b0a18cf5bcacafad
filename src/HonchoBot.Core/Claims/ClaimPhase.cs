namespace HonchoBot.Core.Claims;

/// <summary>A change-over-time cue in the claim's clause ("initially" / "eventually").</summary>
public enum ClaimPhase
{
    /// <summary>No cue.</summary>
    None = 0,

    /// <summary>"initially", "at first", "originally"…</summary>
    Early = 1,

    /// <summary>"eventually", "later", "finally"…</summary>
    Late = 2,
}
