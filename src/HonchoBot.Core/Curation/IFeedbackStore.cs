namespace HonchoBot.Core.Curation;

/// <summary>
/// Answers that carry feedback buttons, and the votes on them: one vote per voter per answer, the latest wins.
/// Kept for <see cref="QuestionLogOptions.RetentionDays"/>.
/// </summary>
public interface IFeedbackStore
{
    /// <summary>Keeps an answer for its buttons; returns its id, or null when feedback is switched off.</summary>
    Task<string?> RecordAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken);

    /// <summary>The answer a button refers to, or null when it is unknown or past retention.</summary>
    Task<AnswerRecord?> FindAnswerAsync(string answerId, CancellationToken cancellationToken);

    /// <summary>Records a vote on a known answer, replacing the voter's earlier vote on it.</summary>
    Task<VoteOutcome> VoteAsync(string answerId, string voterHash, VoteValue value, VoteReason? reason, CancellationToken cancellationToken);

    /// <summary>The current vote of every voter on every answer voted on at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<Vote>> ReadVotesSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
