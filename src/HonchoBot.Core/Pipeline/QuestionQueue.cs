using HonchoBot.Core.Telemetry;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Pipeline;

/// <summary>Queue and worker settings (appsettings <c>Server</c>).</summary>
public sealed class QueueOptions
{
    public const string Section = "Server";

    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 256;

    [System.ComponentModel.DataAnnotations.Range(1, 64)]
    public int Workers { get; set; } = 2;

    [System.ComponentModel.DataAnnotations.Range(0, 600)]
    public int ShutdownSeconds { get; set; } = 20;
}

/// <summary>A bounded channel drained by <see cref="QuestionWorkerService"/>.</summary>
public sealed class QuestionQueue(IOptions<QueueOptions> options, HonchoMetrics? metrics = null) : IQuestionQueue
{
    private readonly Channel<QueuedWork> _channel = Channel.CreateBounded<QueuedWork>(
        new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of dropping silently.
            SingleReader = false,
            SingleWriter = false,
        });

    public int Depth => _channel.Reader.CanCount ? _channel.Reader.Count : 0;

    public bool TryEnqueue(QueuedWork work)
    {
        if (_channel.Writer.TryWrite(work))
        {
            return true;
        }

        metrics?.RecordQueueFull(work.Platform);
        return false;
    }

    internal ChannelReader<QueuedWork> Reader => _channel.Reader;

    /// <summary>Stops taking work; queued items are still drained.</summary>
    internal void Complete() => _channel.Writer.TryComplete();
}

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
