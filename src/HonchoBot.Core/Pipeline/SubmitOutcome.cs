using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Pipeline;

/// <summary>The result of <see cref="AskPipeline.Submit"/>.</summary>
/// <param name="Status">Queued, or why not.</param>
/// <param name="CorrelationId">The question's reference in the logs, queued or not.</param>
/// <param name="Refusal">
/// For a refusal, the answer to render right away (status <c>invalid</c>, <c>rate_limited</c> or <c>busy</c>, with
/// a default message); null when queued. The adapter renders it and acknowledges the platform with it.
/// </param>
public sealed record SubmitOutcome(SubmitStatus Status, string CorrelationId, Answer? Refusal)
{
    public bool IsQueued => Status == SubmitStatus.Queued;
}
