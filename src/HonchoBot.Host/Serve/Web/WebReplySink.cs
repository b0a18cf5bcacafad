using HonchoBot.Charts;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;

namespace HonchoBot.Host.Serve.Web;

/// <summary>
/// The reply sink of one web request: the worker completes <see cref="Reply"/> and the waiting request writes it.
/// When the page wants a chart, it is drawn here, on the worker, so the request only writes bytes. A chart that fails
/// to draw is logged and left out; the answer still goes.
/// </summary>
internal sealed partial class WebReplySink(string question, bool withChart, ILogger logger) : IReplySink
{
    /// <summary>What the asker is told when the server stops before answering.</summary>
    public const string RestartingMessage = "I'm restarting — please ask again in a moment.";

    private readonly TaskCompletionSource<(Answer Answer, byte[]? Chart)> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once, with the answer and its chart (or null).</summary>
    public Task<(Answer Answer, byte[]? Chart)> Reply => _reply.Task;

    public Task SendAsync(Answer answer, CancellationToken cancellationToken)
    {
        _reply.TrySetResult((answer, withChart ? TryChart(answer) : null));
        return Task.CompletedTask;
    }

    public Task SendShuttingDownAsync(CancellationToken cancellationToken)
    {
        _reply.TrySetResult((Answer.Without(question, AnswerStatus.Busy, RestartingMessage), null));
        return Task.CompletedTask;
    }

    private byte[]? TryChart(Answer answer)
    {
        var png = DisagreementChart.TryRenderFirst(answer, out var failure);
        if (failure is not null)
        {
            LogChartFailed(logger, failure);
        }

        return png;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drawing the chart of a web answer failed; the answer goes without it")]
    private static partial void LogChartFailed(ILogger logger, Exception exception);
}
