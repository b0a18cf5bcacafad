using HonchoBot.Core.Retrieval;
using HonchoBot.Core.Sources;

namespace HonchoBot.Host.Serve;

/// <summary>
/// Builds or catches up the index when the server starts, off the start-up path so HTTP endpoints
/// and health answer at once; <c>/readyz</c> says "not ready" until it is done. Then it finishes or
/// undoes any add a crash left half-done, before the library is changed from chat.
/// </summary>
internal sealed partial class IndexStartupService(IndexHost indexHost, ISourceRegistry registry, IStoreCoordinator store, ILogger<IndexStartupService> logger) : BackgroundService
{
    /// <summary>Why the index could not be opened, for <c>/readyz</c>.</summary>
    public string? Failure { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await PrepareStoreAsync(stoppingToken))
        {
            return;
        }

        // A dedicated thread: the build is CPU-bound and must not starve the thread pool (docs/index-design.md).
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

        if (Failure is null)
        {
            await RecoverAsync(stoppingToken);
        }
    }

    /// <summary>Postgres: migrates the schema (under its advisory lock, so replicas starting together migrate once).</summary>
    private async Task<bool> PrepareStoreAsync(CancellationToken stoppingToken)
    {
        try
        {
            await store.PrepareAsync(stoppingToken);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex)
        {
            // The message names the server, never the connection string.
            Failure = "the store could not be prepared: " + ex.Message;
            LogStoreFailed(logger, ex.Message);
            return false;
        }
    }

    private async Task RecoverAsync(CancellationToken stoppingToken)
    {
        try
        {
            var recovery = await registry.RecoverAsync(stoppingToken);
            if (recovery.Completed + recovery.RolledBack > 0)
            {
                LogRecovered(logger, recovery.Completed, recovery.RolledBack);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the next start recovers.
        }
        catch (Exception ex)
        {
            LogRecoveryFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Index ready: {Passages} passages (rebuilt: {Rebuilt}, read-only: {ReadOnly})")]
    private static partial void LogReady(ILogger logger, int passages, bool rebuilt, bool readOnly);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The store could not be prepared: {Reason}")]
    private static partial void LogStoreFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The index could not be opened")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interrupted adds found at start-up: {Completed} completed, {RolledBack} rolled back (see the audit log)")]
    private static partial void LogRecovered(ILogger logger, int completed, int rolledBack);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recovering interrupted adds failed; the next start tries again")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception);
}
