using HonchoBot.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HonchoBot.Store.Postgres;

/// <summary>
/// Handled Slack event and Discord interaction ids in the <c>seen_ids</c> table (postgres mode), so a retry
/// delivered to any replica is handled once. An id counts as new again once it has expired; expired rows are
/// deleted by <see cref="ExpiredRowSweeper"/>. If the store cannot be reached the id is treated as new (a rare
/// second answer is better than none) and the failure is logged.
/// </summary>
public sealed partial class PostgresReplayGuard(NpgsqlDataSource dataSource, TimeProvider time, ExpiredRowSweeper sweeper, ILogger<PostgresReplayGuard> logger) : ISharedReplayGuard
{
    public bool TryMarkNew(string kind, string id, TimeSpan ttl)
    {
        var now = time.GetUtcNow();
        try
        {
            using var command = dataSource.CreateCommand(
                """
                INSERT INTO seen_ids (kind, id, expires_at) VALUES (@kind, @id, @expires)
                ON CONFLICT (kind, id) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE seen_ids.expires_at < @now
                """);
            command.Parameters.AddWithValue("kind", kind);
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("expires", now + ttl);
            command.Parameters.AddWithValue("now", now);
            var isNew = command.ExecuteNonQuery() == 1;
            sweeper.SweepIfDue(now);
            return isNew;
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
        {
            LogUnavailable(logger, kind, ex.Message);
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store could not check a {Kind} id for repeats ({Reason}); handling it as new")]
    private static partial void LogUnavailable(ILogger logger, string kind, string reason);
}
