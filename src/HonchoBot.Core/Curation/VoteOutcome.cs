namespace HonchoBot.Core.Curation;

/// <summary>What <see cref="IFeedbackStore.VoteAsync"/> did.</summary>
public enum VoteOutcome
{
    /// <summary>The voter's first vote on this answer.</summary>
    Recorded,

    /// <summary>The voter had voted on this answer before; the new vote replaces it.</summary>
    Updated,

    /// <summary>The answer is unknown or past retention (or feedback is switched off): nothing was written.</summary>
    UnknownAnswer,
}
