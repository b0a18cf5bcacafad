using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Slack.Rendering;
using HonchoBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Slack.Answering;

/// <summary>
/// Renders one question's answer and sends it to where the question came from. Answers and "nothing found" go
/// to the thread for everyone; refusals and errors only to the asker.
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
        }
    }

    public Task SendShuttingDownAsync(CancellationToken cancellationToken) =>
        replier.SendAsync(target, SlackMessage.Plain(ShuttingDownText), isPublic: false, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a Slack answer failed: {Method} answered {Error} (correlation {CorrelationId})")]
    private static partial void LogSendFailed(ILogger logger, string method, string error, string correlationId);
}
