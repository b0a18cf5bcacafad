using HonchoBot.Core.Sources;
using Npgsql;

namespace HonchoBot.Store.Postgres;

/// <summary>
/// The postgres provider's coordination: migrations at start (<see cref="PostgresMigrator"/>, under its
/// advisory lock), one transaction per library change, and replicas' indexes following the change log.
/// </summary>
public sealed class PostgresStoreCoordinator(NpgsqlDataSource dataSource, PostgresMigrator migrator) : IStoreCoordinator
{
    public bool IndexFollowsChangeLog => true;

    public Task PrepareAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public IStoreTransaction BeginTransaction() => PostgresStoreTransaction.Begin(dataSource);
}
