using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HonchoBot.Store.Postgres;

/// <summary>
/// Brings the store's schema to the version this build ships (<see cref="MigrationCatalog"/>). Safe to run
/// on every start and from several replicas at once: a session advisory lock lets one process at a time read
/// <c>schema_migrations</c> and apply what is missing, each migration in its own transaction with its row.
/// A migration that was applied with different text stops start-up rather than letting the schemas drift.
/// </summary>
public sealed partial class PostgresMigrator(NpgsqlDataSource dataSource, TimeProvider time, ILogger<PostgresMigrator> logger)
{
    /// <summary>The advisory lock key for migrations ("HonchoMg" in ASCII), shared by every replica.</summary>
    internal const long LockKey = 0x486F6E63686F4D67;

    public Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken) =>
        MigrateAsync(MigrationCatalog.Shipped, cancellationToken);

    internal async Task<MigrationReport> MigrateAsync(IReadOnlyList<MigrationScript> scripts, CancellationToken cancellationToken)
    {
        var target = PostgresDataSources.Describe(dataSource);
        NpgsqlConnection connection;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            throw new StoreUnavailableException($"Could not connect to the PostgreSQL store ({target}): {e.Message}", e);
        }

        await using (connection.ConfigureAwait(false))
        {
            await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(@key)", cancellationToken, LockKey).ConfigureAwait(false);
            try
            {
                return await ApplyPendingAsync(connection, scripts, target, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Closing the session would release it too; unlocking first keeps a pooled connection clean.
                if (connection.State == System.Data.ConnectionState.Open)
                {
                    await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, LockKey).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task<MigrationReport> ApplyPendingAsync(
        NpgsqlConnection connection, IReadOnlyList<MigrationScript> scripts, string target, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null,
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version     integer     PRIMARY KEY,
                name        text        NOT NULL,
                checksum    text        NOT NULL,
                applied_at  timestamptz NOT NULL
            )
            """, cancellationToken).ConfigureAwait(false);

        var applied = new Dictionary<int, string>();
        await using (var read = new NpgsqlCommand("SELECT version, checksum FROM schema_migrations", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied[reader.GetInt32(0)] = reader.GetString(1);
            }
        }

        var known = scripts.ToDictionary(s => s.Version);
        foreach (var (version, checksum) in applied)
        {
            if (!known.TryGetValue(version, out var script))
            {
                throw new StoreUnavailableException(
                    $"The PostgreSQL store ({target}) has schema version {version}, newer than this build knows ({scripts.Count}). Upgrade this replica.");
            }

            if (!string.Equals(script.Checksum, checksum, StringComparison.Ordinal))
            {
                throw new StoreUnavailableException(
                    $"Migration {version} ({script.Name}) was applied to the PostgreSQL store ({target}) with different text than this build ships. Shipped migrations must never change.");
            }
        }

        var appliedNow = new List<int>();
        foreach (var script in scripts)
        {
            if (applied.ContainsKey(script.Version))
            {
                continue;
            }

            LogApplying(script.Version, script.Name, target);
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(connection, transaction, script.Sql, cancellationToken).ConfigureAwait(false);
                await using (var record = new NpgsqlCommand(
                    "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, @at)",
                    connection, transaction))
                {
                    record.Parameters.AddWithValue("version", script.Version);
                    record.Parameters.AddWithValue("name", script.Name);
                    record.Parameters.AddWithValue("checksum", script.Checksum);
                    record.Parameters.AddWithValue("at", time.GetUtcNow());
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            appliedNow.Add(script.Version);
        }

        var schemaVersion = scripts.Count == 0 ? 0 : scripts[^1].Version;
        if (appliedNow.Count == 0)
        {
            LogCurrent(schemaVersion, target);
        }
        else
        {
            LogMigrated(appliedNow.Count, schemaVersion, target);
        }

        return new MigrationReport(appliedNow, schemaVersion);
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, long? key = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        if (key is { } value)
        {
            command.Parameters.AddWithValue("key", value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying store migration {Version} ({Name}) to {Target}")]
    private partial void LogApplying(int version, string name, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "Store schema migrated to version {Version} ({Applied} migrations applied) on {Target}")]
    private partial void LogMigrated(int applied, int version, string target);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Store schema already at version {Version} on {Target}")]
    private partial void LogCurrent(int version, string target);
}
