using HonchoBot.Core.Retrieval;

namespace HonchoBot.Host.Serve;

/// <summary>
/// Builds or catches up the index when the server starts, off the start-up path so HTTP endpoints
/// and health answer at once; <c>/readyz</c> says "not ready" until it is done.
/// </summary>
internal sealed partial class IndexStartupService(IndexHost indexHost, ILogger<IndexStartupService> logger) : BackgroundService
{
    /// <summary>Why the index could not be opened, for <c>/readyz</c>.</summary>
    public string? Failure { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A dedicated thread: the build is CPU-bound and must not starve the thread pool (lucene-notes.md §2.1).
        await Task.Factory.StartNew(
            () =>
            {
                try
                {
                    var report = indexHost.Open();
                    LogReady(logger, report.Passages, report.Rebuilt, report.IsReadOnly);
                }
                catch (Exception ex)
                {
                    Failure = ex.Message;
                    LogFailed(logger, ex);
                }
            },
            stoppingToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Index ready: {Passages} passages (rebuilt: {Rebuilt}, read-only: {ReadOnly})")]
    private static partial void LogReady(ILogger logger, int passages, bool rebuilt, bool readOnly);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The index could not be opened")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
