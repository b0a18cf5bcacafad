using HonchoBot.Core.Sources;
using Npgsql;

namespace HonchoBot.Store.Postgres;

/// <summary>
/// The postgres provider's coordination: migrations at start (<see cref="PostgresMigrator"/>, under its
/// advisory lock), then a sweep of adds a crashed process left staged; one transaction per library change; and
/// replicas' indexes following the change log.
/// </summary>
public sealed class PostgresStoreCoordinator(NpgsqlDataSource dataSource, PostgresMigrator migrator, TimeProvider time) : IStoreCoordinator
{
    /// <summary>
    /// An add stages its source, then publishes it with its audit entry in one transaction. A process that died in
    /// between leaves a staged row that is never live; one older than this cannot belong to an add still under way
    /// (fetches and uploads time out in seconds), so it is discarded.
    /// </summary>
    public static readonly TimeSpan StaleStagedAfter = TimeSpan.FromHours(1);

    public bool IndexFollowsChangeLog => true;

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await DiscardStaleStagedAsync(cancellationToken).ConfigureAwait(false);
    }

    public IStoreTransaction BeginTransaction() => PostgresStoreTransaction.Begin(dataSource);

    /// <summary>Marks staged rows older than <see cref="StaleStagedAfter"/> discarded; returns how many. Never in the change log: they were never live.</summary>
    internal async Task<int> DiscardStaleStagedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var command = dataSource.CreateCommand(
            "UPDATE sources SET state = 'discarded', updated_at = @now WHERE state = 'staged' AND updated_at < @cutoff");
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("cutoff", now - StaleStagedAfter);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
