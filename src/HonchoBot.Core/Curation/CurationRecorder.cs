using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Core.Curation;

/// <summary>
/// What the pipeline keeps of each answered question: a <see cref="QuestionRecord"/> in the question log (no user
/// id), and for a chat answer with citations an <see cref="AnswerRecord"/> whose id the feedback buttons carry. A
/// failure to write is logged and never costs the asker their answer.
/// </summary>
public sealed partial class CurationRecorder(
    IQuestionLog log,
    IFeedbackStore feedback,
    IdentityHasher hasher,
    TimeProvider time,
    ILogger<CurationRecorder> logger)
{
    /// <summary>Logs the question with its status.</summary>
    public async Task RecordQuestionAsync(Question question, AnswerStatus status, CancellationToken cancellationToken)
    {
        try
        {
            await log.RecordAsync(new QuestionRecord(time.GetUtcNow(), question.Text, status, question.Origin.Platform, question.Origin.CommunityId), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(logger, ex, "question log", question.Origin.CorrelationId ?? "-");
        }
    }

    /// <summary>Logs the question and, for a chat answer with citations, keeps it for feedback: returns it with its <see cref="Answer.FeedbackId"/>.</summary>
    public async Task<Answer> RecordAsync(Question question, Answer answer, CancellationToken cancellationToken)
    {
        await RecordQuestionAsync(question, answer.Status, cancellationToken);
        var origin = question.Origin;
        if (answer.Status != AnswerStatus.Answered || answer.Citations.Count == 0 || ChatPlatform.IsLocal(origin.Platform) || origin.UserId is null)
        {
            return answer;
        }

        try
        {
            var record = new AnswerRecord(
                string.Empty,
                time.GetUtcNow(),
                question.Text,
                answer.Status,
                answer.Citations.OrderBy(c => c.N).Select(c => c.PassageId).Distinct(StringComparer.Ordinal).ToList(),
                origin.Platform,
                origin.CommunityId,
                origin.ChannelId,
                hasher.Hash(origin.Platform, origin.UserId));
            return await feedback.RecordAnswerAsync(record, cancellationToken) is { } id ? answer with { FeedbackId = id } : answer;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(logger, ex, "feedback store", origin.CorrelationId ?? "-");
            return answer;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing to the {Store} failed (correlation {CorrelationId})")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string store, string correlationId);
}
