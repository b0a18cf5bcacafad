using HonchoBot.Core.Answers;
using HonchoBot.Core.Conversations;
using HonchoBot.Core.Curation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Core.Pipeline;

/// <summary>
/// The one way a chat question becomes a reply, for every adapter (docs/architecture.md).
/// <see cref="Submit"/> runs on the caller's thread and does no I/O beyond the rate limit (one short database call
/// when replicas share their limits in postgres mode; in memory otherwise): it checks the question
/// (<see cref="QuestionRules"/>), takes a rate-limit token, gives it a correlation id and enqueues it. A worker
/// then answers it in its own DI scope — a follow-up read against its conversation first
/// (<see cref="ConversationContext"/>) — and hands the answer — or an apology with the reference, if answering
/// threw — to the adapter's <see cref="IReplySink"/>. Refusals come back as a <see cref="SubmitOutcome"/> for the
/// adapter to render in its acknowledgement; nothing here knows a platform. Every answered question is recorded
/// (<see cref="CurationRecorder"/>: the question log, and the record feedback buttons point at).
/// </summary>
public sealed partial class AskPipeline(
    IQuestionQueue queue,
    IChatRateLimiter rateLimiter,
    ConversationContext conversations,
    CurationRecorder curation,
    ILogger<AskPipeline> logger)
{
    public SubmitOutcome Submit(Question question, IReplySink sink)
    {
        var correlationId = question.Origin.CorrelationId ?? CorrelationIds.New();
        var origin = question.Origin with { CorrelationId = correlationId };
        question = question with { Origin = origin };

        if (QuestionRules.Check(question.Text) is { } invalid)
        {
            var status = string.IsNullOrWhiteSpace(question.Text) ? SubmitStatus.Empty : SubmitStatus.TooLong;
            return new SubmitOutcome(status, correlationId, invalid);
        }

        if (!rateLimiter.TryAcquire(origin))
        {
            return Refuse(SubmitStatus.RateLimited, AnswerStatus.RateLimited, "You're asking quickly — please wait a moment.");
        }

        var work = new QueuedWork(
            origin.Platform,
            $"{origin.Platform} question",
            correlationId,
            (services, ct) => AnswerAndSendAsync(services, question, sink, ct),
            sink.SendShuttingDownAsync);
        if (queue.TryEnqueue(work))
        {
            return new SubmitOutcome(SubmitStatus.Queued, correlationId, null);
        }

        // Busy is not the asker's doing: the question they could not ask does not count against them.
        rateLimiter.Release(origin);
        LogBusy(logger, origin.Platform, correlationId);
        return Refuse(SubmitStatus.Busy, AnswerStatus.Busy, "I'm busy right now — please try again in a moment.");

        SubmitOutcome Refuse(SubmitStatus submit, AnswerStatus answer, string message) =>
            new(submit, correlationId, Answer.Without(question.Text, answer, message));
    }

    /// <summary>The user-facing apology for an unexpected failure: a reference, never the details.</summary>
    public static string ErrorMessage(string correlationId) =>
        $"Sorry, something went wrong answering that (reference {correlationId}). Please try again later.";

    private async Task AnswerAndSendAsync(IServiceProvider services, Question question, IReplySink sink, CancellationToken cancellationToken)
    {
        var correlationId = question.Origin.CorrelationId!;
        Answer answer;
        try
        {
            (answer, _) = await conversations.AnswerAsync(services.GetRequiredService<IQuestionAnswerer>(), question, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The asker gets a short apology with the reference; the details stay in the log.
            LogAnswerFailed(logger, ex, question.Origin.Platform, correlationId);
            answer = Answer.Without(question.Text, AnswerStatus.Error, ErrorMessage(correlationId));
        }

        // The question log (coverage gaps) and the answer's feedback id, before the adapter renders its buttons.
        answer = await curation.RecordAsync(question, answer, cancellationToken);

        await sink.SendAsync(answer, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Question queue full; told the {Platform} asker to retry (correlation {CorrelationId})")]
    private static partial void LogBusy(ILogger logger, string platform, string correlationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering a {Platform} question failed (correlation {CorrelationId})")]
    private static partial void LogAnswerFailed(ILogger logger, Exception exception, string platform, string correlationId);
}
