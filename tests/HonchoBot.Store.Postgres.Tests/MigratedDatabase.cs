using HonchoBot.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace HonchoBot.Store.Postgres.Tests;

/// <summary>A new database of the test cluster with every migration applied, and row counts to check it by.</summary>
internal static class MigratedDatabase
{
    /// <summary>A fresh database on <paramref name="cluster"/>, migrated at <paramref name="time"/>'s now.</summary>
    public static async Task<NpgsqlDataSource> CreateAsync(PostgresCluster cluster, TimeProvider time)
    {
        var dataSource = NpgsqlDataSource.Create(cluster.CreateDatabase());
        await new PostgresMigrator(dataSource, time, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return dataSource;
    }

    /// <summary>How many rows <paramref name="table"/> holds (a name from the test, never input).</summary>
    public static long RowCount(NpgsqlDataSource dataSource, string table)
    {
        using var command = dataSource.CreateCommand("SELECT count(*) FROM " + table);
        return (long)command.ExecuteScalar()!;
    }
}
