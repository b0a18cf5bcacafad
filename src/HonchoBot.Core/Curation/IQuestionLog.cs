namespace HonchoBot.Core.Curation;

/// <summary>
/// The log of asked questions that coverage gaps are made from. Kept for <see cref="QuestionLogOptions.RetentionDays"/>;
/// a store must forget older entries by itself.
/// </summary>
public interface IQuestionLog
{
    /// <summary>Appends one question; does nothing when recording is off.</summary>
    Task RecordAsync(QuestionRecord record, CancellationToken cancellationToken);

    /// <summary>Questions asked at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<QuestionRecord>> ReadSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
