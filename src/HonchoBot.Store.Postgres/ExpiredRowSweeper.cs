using Microsoft.Extensions.Logging;
using Npgsql;

namespace HonchoBot.Store.Postgres;

/// <summary>
/// Keeps the shared chat tables bounded: at most once a minute per process, deletes expired <c>seen_ids</c> and
/// rate buckets untouched for a minute (a full minute refills any bucket, so a missing row says the same).
/// </summary>
public sealed partial class ExpiredRowSweeper(NpgsqlDataSource dataSource, ILogger<ExpiredRowSweeper> logger)
{
    /// <summary>How often a process sweeps, and how long an untouched bucket is kept.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly IntervalGate _gate = new(Interval);

    public void SweepIfDue(DateTimeOffset now)
    {
        if (!_gate.TryEnter(now))
        {
            return;
        }

        try
        {
            using var command = dataSource.CreateCommand(
                "DELETE FROM seen_ids WHERE expires_at < @now; DELETE FROM rate_buckets WHERE updated_at < @idle");
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("idle", now - Interval);
            command.ExecuteNonQuery();
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
        {
            // The next sweep tries again; nothing depends on this one.
            LogSweepFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired shared chat state failed ({Reason}); the next sweep retries")]
    private static partial void LogSweepFailed(ILogger logger, string reason);
}
