using System.Collections.Concurrent;
using HonchoBot.Slack.Rendering;
using HonchoBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Slack.Answering;

/// <summary>
/// Short notes ("busy", "slow down", usage errors) sent off the receive loop and after the ack, without going
/// through the question queue (which may be the very thing that is full). Failures are logged, never thrown.
/// </summary>
public sealed partial class SlackBackgroundSender(SlackReplier replier, ILogger<SlackBackgroundSender> logger) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _pending = new();

    public void Send(SlackReplyTarget target, SlackMessage message, bool isPublic, string correlationId) =>
        Run(ct => replier.SendAsync(target, message, isPublic, ct), "note", correlationId);

    public void Run(Func<CancellationToken, Task> work, string description, string correlationId)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        var task = Task.Run(() => RunOneAsync(work, description, correlationId));
        _pending.TryAdd(task, 0);
        task.ContinueWith(t => _pending.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Waits (bounded) for notes in flight, for a graceful stop.</summary>
    public Task DrainAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_pending.Keys).WaitAsync(cancellationToken);

    private async Task RunOneAsync(Func<CancellationToken, Task> work, string description, string correlationId)
    {
        try
        {
            await work(_stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (SlackApiException ex)
        {
            LogSlackFailed(logger, description, ex.Method, ex.Error, correlationId);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, description, correlationId);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Description} failed: {Method} answered {Error} (correlation {CorrelationId})")]
    private static partial void LogSlackFailed(ILogger logger, string description, string method, string error, string correlationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack {Description} failed (correlation {CorrelationId})")]
    private static partial void LogFailed(ILogger logger, Exception exception, string description, string correlationId);
}
