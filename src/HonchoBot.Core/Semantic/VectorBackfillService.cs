using HonchoBot.Core.Retrieval;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Core.Semantic;

/// <summary>
/// Makes the vectors a running server is missing, in the background: the whole library after a first
/// start, and each source a moderator adds. Answers never wait for it: a passage without vectors is
/// found lexically until its vectors exist. One dedicated thread, a few passages at a time, so question
/// workers keep the other cores.
/// </summary>
public sealed partial class VectorBackfillService(IndexHost indexHost, ILogger<VectorBackfillService> logger, TimeProvider time) : BackgroundService
{
    /// <summary>Passages embedded per model call: small, so a stop or a new question never waits long.</summary>
    public const int BatchPassages = 4;

    private static readonly TimeSpan ReadyPoll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => RunAsync(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var semantic = indexHost.Semantic;
        if (!semantic.IsEnabled)
        {
            return;
        }

        try
        {
            // Loading the model takes a moment: do it now, not on the first question.
            try
            {
                semantic.WarmUp();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
            while (!indexHost.IsReady)
            {
                await Task.Delay(ReadyPoll, time, stoppingToken);
            }

            indexHost.AttachSemantic();

            var lastReport = time.GetTimestamp();
            while (!stoppingToken.IsCancellationRequested)
            {
                int made;
                try
                {
                    made = semantic.EmbedPending(BatchPassages, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The model failing is not the index failing: answers stay lexical; try again later.
                    LogFailed(logger, ex);
                    await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
                    continue;
                }

                if (made == 0)
                {
                    var coverage = semantic.Coverage;
                    LogComplete(logger, coverage.Embedded, coverage.Passages);
                    await semantic.WaitForWorkAsync(stoppingToken);
                    continue;
                }

                if (time.GetElapsedTime(lastReport) >= ProgressEvery)
                {
                    lastReport = time.GetTimestamp();
                    var coverage = semantic.Coverage;
                    LogProgress(logger, coverage.Embedded, coverage.Passages);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Vectors: {Embedded} of {Passages} passages embedded")]
    private static partial void LogProgress(ILogger logger, int embedded, int passages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Vectors complete: {Embedded} of {Passages} passages")]
    private static partial void LogComplete(ILogger logger, int embedded, int passages);

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedding failed; answers stay lexical for passages without vectors")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
