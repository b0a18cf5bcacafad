using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Core.Retrieval;

/// <summary>
/// Postgres mode: keeps this replica's index current while it runs. Once the index is open (and caught up from
/// its last committed sequence), it waits for the store's notification or the polling interval, whichever comes
/// first, and applies what changed. A failure is logged and retried at the next wake-up; it never stops answers.
/// In files mode it returns at once.
/// </summary>
public sealed partial class ChangeFollowerService(IndexHost indexHost, IChangeFeed changes, ILogger<ChangeFollowerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!changes.IsEnabled)
        {
            return;
        }

        try
        {
            await indexHost.WhenOpen.WaitAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await changes.WaitForChangeAsync(stoppingToken);
                await CatchUpAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; the next start catches up from the last committed batch.
        }
    }

    private async Task CatchUpAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Indexing is CPU-bound: off the thread pool's hot path, like the start-up build.
            await Task.Factory.StartNew(() => indexHost.CatchUp(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogCatchUpFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Following the store's changes failed; retrying at the next notification or poll")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception);
}
