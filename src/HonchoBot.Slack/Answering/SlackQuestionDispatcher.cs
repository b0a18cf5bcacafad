using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Slack.Rendering;
using HonchoBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Slack.Answering;

/// <summary>What happened to a question handed to <see cref="SlackQuestionDispatcher"/>.</summary>
public enum DispatchOutcome
{
    Queued,
    RateLimited,
    Busy,
    Invalid,
}

/// <summary>
/// The adapter side of the one pipeline: check the rate limits,
/// enqueue, and — on a worker, in its own DI scope — answer, render and send. Never blocks the caller:
/// called after the platform has been acknowledged.
/// </summary>
public sealed partial class SlackQuestionDispatcher(
    IQuestionQueue queue,
    IChatRateLimiter rateLimiter,
    SlackAnswerRenderer renderer,
    SlackReplier replier,
    SlackBackgroundSender notes,
    ILogger<SlackQuestionDispatcher> logger)
{
    public DispatchOutcome Dispatch(Question question, SlackReplyTarget target)
    {
        var correlationId = question.Origin.CorrelationId ?? NewCorrelationId();
        if (string.IsNullOrWhiteSpace(question.Text) || question.Text.Length > Question.MaxLength)
        {
            var message = string.IsNullOrWhiteSpace(question.Text)
                ? "Ask me something, e.g. `how many MiGs did the Sabre pilots claim?` — or try `/honcho help`."
                : "That question is too long — please keep it under 2,000 characters.";
            notes.Send(target, SlackMessage.Plain(message), isPublic: false, correlationId);
            return DispatchOutcome.Invalid;
        }

        if (!rateLimiter.TryAcquire(question.Origin))
        {
            notes.Send(target, renderer.Render(Answer.Without(question.Text, AnswerStatus.RateLimited,
                SlackAnswerRenderer.DefaultMessage(AnswerStatus.RateLimited))), isPublic: false, correlationId);
            return DispatchOutcome.RateLimited;
        }

        var work = new QueuedWork(
            "slack question",
            correlationId,
            (services, ct) => AnswerAsync(services, question, target, correlationId, ct),
            ct => replier.SendAsync(target, SlackMessage.Plain("I'm restarting and couldn't get to your question — please ask again in a minute."), false, ct));
        if (queue.TryEnqueue(work))
        {
            return DispatchOutcome.Queued;
        }

        // Busy is not the asker's doing: the question they could not ask does not count against them.
        rateLimiter.Release(question.Origin);
        LogBusy(logger, correlationId);
        notes.Send(target, renderer.Render(Answer.Without(question.Text, AnswerStatus.Busy,
            SlackAnswerRenderer.DefaultMessage(AnswerStatus.Busy))), isPublic: false, correlationId);
        return DispatchOutcome.Busy;
    }

    private async Task AnswerAsync(IServiceProvider services, Question question, SlackReplyTarget target, string correlationId, CancellationToken cancellationToken)
    {
        Answer answer;
        try
        {
            answer = await services.GetRequiredService<IQuestionAnswerer>().AnswerAsync(question, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogAnswerFailed(logger, ex, correlationId);
            answer = Answer.Without(question.Text, AnswerStatus.Error,
                $"Sorry, something went wrong answering that (reference {correlationId}).");
        }

        // Answers and "nothing found" go to the thread for everyone; refusals and errors only to the asker.
        var isPublic = answer.Status is AnswerStatus.Answered or AnswerStatus.NoAnswer;
        try
        {
            await replier.SendAsync(target, renderer.Render(answer, question.Origin.UserId), isPublic, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            LogSendFailed(logger, ex.Method, ex.Error, correlationId);
        }
    }

    internal static string NewCorrelationId() => Guid.NewGuid().ToString("N")[..16];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Question queue full; told the asker to retry (correlation {CorrelationId})")]
    private static partial void LogBusy(ILogger logger, string correlationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering a Slack question failed (correlation {CorrelationId})")]
    private static partial void LogAnswerFailed(ILogger logger, Exception exception, string correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a Slack answer failed: {Method} answered {Error} (correlation {CorrelationId})")]
    private static partial void LogSendFailed(ILogger logger, string method, string error, string correlationId);
}
