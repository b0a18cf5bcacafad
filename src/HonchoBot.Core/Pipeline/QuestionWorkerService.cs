using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Pipeline;

/// <summary>
/// Runs queued work on a few workers, each item in its own DI scope. Errors are caught per item,
/// never around the loop, so one failing item never stops the worker. On shutdown: stop taking work, finish what fits in
/// <see cref="QueueOptions.ShutdownSeconds"/>, tell the rest "shutting down".
/// </summary>
public sealed partial class QuestionWorkerService(
    QuestionQueue queue,
    IServiceScopeFactory scopes,
    IOptions<QueueOptions> options,
    TimeProvider time,
    ILogger<QuestionWorkerService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, options.Value.Workers).Select(_ => RunWorkerAsync(stoppingToken));
        return Task.WhenAll(workers);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.ShutdownSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(grace.Token, cancellationToken);
        try
        {
            if (ExecuteTask is not null)
            {
                await ExecuteTask.WaitAsync(linked.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Out of time: the remaining items are answered "shutting down" below.
        }

        while (queue.Reader.TryRead(out var left))
        {
            await NotifyShutdownAsync(left, cancellationToken);
        }

        await base.StopAsync(cancellationToken);
    }

    private async Task RunWorkerAsync(CancellationToken stoppingToken)
    {
        // Draining continues after stoppingToken fires: Complete() ends the loop once the queue is empty.
        await foreach (var work in queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            await RunOneAsync(work, stoppingToken);
        }
    }

    private async Task RunOneAsync(QueuedWork work, CancellationToken stoppingToken)
    {
        // A message-template scope prints as "correlation …" in the simple format and is a CorrelationId field in JSON.
        using var logScope = logger.BeginScope("correlation {CorrelationId}", work.CorrelationId);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await work.RunAsync(scope.ServiceProvider, stoppingToken);
        }
        catch (Exception ex)
        {
            LogWorkFailed(logger, ex, work.Description, work.CorrelationId);
        }
    }

    private async Task NotifyShutdownAsync(QueuedWork work, CancellationToken cancellationToken)
    {
        if (work.OnShutdownAsync is null)
        {
            return;
        }

        try
        {
            await work.OnShutdownAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            LogWorkFailed(logger, ex, work.Description, work.CorrelationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Queued work {Description} failed (correlation {CorrelationId})")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception, string description, string correlationId);
}
