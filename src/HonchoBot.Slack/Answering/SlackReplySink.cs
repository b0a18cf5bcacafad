using HonchoBot.Charts;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Slack.Rendering;
using HonchoBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Slack.Answering;

/// <summary>
/// Renders one question's answer and sends it to where the question came from. Answers and "nothing found" go
/// to the thread for everyone; refusals and errors only to the asker. An answer with a numeric disagreement is
/// followed by its chart, uploaded to the same thread once the text is there: a chart that fails is logged and
/// never costs the answer.
/// </summary>
internal sealed partial class SlackReplySink(
    SlackReplyTarget target,
    string? askerId,
    string correlationId,
    SlackAnswerRenderer renderer,
    SlackReplier replier,
    ILogger logger) : IReplySink
{
    public const string ShuttingDownText = "I'm restarting and couldn't get to your question — please ask again in a minute.";

    public const string ChartFileName = "chart.png";

    public async Task SendAsync(Answer answer, CancellationToken cancellationToken)
    {
        var isPublic = answer.Status is AnswerStatus.Answered or AnswerStatus.NoAnswer;
        try
        {
            await replier.SendAsync(target, renderer.Render(answer, askerId), isPublic, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            LogSendFailed(logger, ex.Method, ex.Error, correlationId);
            return;
        }

        if (isPublic && answer.Disagreements.Count > 0)
        {
            await SendChartAsync(answer, cancellationToken);
        }
    }

    public Task SendShuttingDownAsync(CancellationToken cancellationToken) =>
        replier.SendAsync(target, SlackMessage.Plain(ShuttingDownText), isPublic: false, cancellationToken);

    private async Task SendChartAsync(Answer answer, CancellationToken cancellationToken)
    {
        try
        {
            var png = DisagreementChart.TryRenderFirst(answer, out var failure);
            if (failure is not null)
            {
                LogChartFailed(logger, "drawing", failure.GetType().Name, correlationId);
            }

            if (png is not null)
            {
                await replier.UploadAsync(target, ChartFileName, "Sources disagree: " + answer.Disagreements[0].Topic, png, cancellationToken);
            }
        }
        catch (SlackApiException ex)
        {
            LogChartFailed(logger, ex.Method, ex.Error, correlationId);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or ArgumentException)
        {
            LogChartFailed(logger, "chart", ex.GetType().Name, correlationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a Slack answer failed: {Method} answered {Error} (correlation {CorrelationId})")]
    private static partial void LogSendFailed(ILogger logger, string method, string error, string correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The disagreement chart was not shared: {Method} answered {Error}; the answer stands without it (correlation {CorrelationId})")]
    private static partial void LogChartFailed(ILogger logger, string method, string error, string correlationId);
}
