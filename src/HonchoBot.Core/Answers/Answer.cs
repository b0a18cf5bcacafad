namespace HonchoBot.Core.Answers;

/// <summary>
/// The platform-neutral answer. Its JSON form is a contract (docs/json-contract.md):
/// field names are fixed, more may be added.
/// </summary>
public sealed record Answer(
    string Question,
    AnswerStatus Status,
    string? Message,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<Disagreement> Disagreements,
    double ElapsedMs)
{
    /// <summary>
    /// The id feedback buttons carry (<see cref="Curation.IFeedbackStore"/>); set by the pipeline for chat answers
    /// that can be voted on, null otherwise. Not part of the JSON contract.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? FeedbackId { get; init; }

    /// <summary>An answer without evidence: every status but <see cref="AnswerStatus.Answered"/>.</summary>
    public static Answer Without(string question, AnswerStatus status, string message, double elapsedMs = 0) =>
        new(question, status, message, [], [], elapsedMs);
}
