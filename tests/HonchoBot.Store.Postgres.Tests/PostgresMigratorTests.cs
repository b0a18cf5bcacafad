using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HonchoBot.Core.Sources;
using HonchoBot.Tests.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace HonchoBot.Store.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresMigratorTests(PostgresCluster cluster)
{
    private const string Password = "s3cret-Pa55word-never-logged";
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_shipped_migrations_are_numbered_from_one_without_gaps()
    {
        var shipped = MigrationCatalog.Shipped;
        Assert.NotEmpty(shipped);
        Assert.Equal(Enumerable.Range(1, shipped.Count), shipped.Select(s => s.Version));
        Assert.Equal("initial", shipped[0].Name);
    }

    [Fact]
    public async Task The_shipped_migrations_create_the_source_of_truth_shared_chat_and_curation_tables()
    {
        var connectionString = cluster.CreateDatabase();
        using var dataSource = NpgsqlDataSource.Create(connectionString);
        var report = await Migrator(dataSource).MigrateAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, MigrationCatalog.Shipped.Count), report.Applied);
        Assert.Equal(MigrationCatalog.Shipped.Count, report.SchemaVersion);
        var tables = await QueryStringsAsync(dataSource, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
        Assert.Equal(
            ["audit_log", "change_log", "feedback_answers", "feedback_votes", "hidden_sources", "identity_hash_key", "questions", "rate_buckets", "schema_migrations", "seen_ids", "sources"],
            tables);
    }

    [Fact]
    public async Task Migrating_twice_is_a_no_op()
    {
        var connectionString = cluster.CreateDatabase();
        using var dataSource = NpgsqlDataSource.Create(connectionString);
        var time = new FakeTimeProvider(Start);
        await Migrator(dataSource, time).MigrateAsync(CancellationToken.None);
        var before = await QueryStringsAsync(dataSource, "SELECT version || ' ' || checksum || ' ' || applied_at FROM schema_migrations ORDER BY version");

        time.Advance(TimeSpan.FromHours(1));
        var second = await Migrator(dataSource, time).MigrateAsync(CancellationToken.None);

        Assert.Empty(second.Applied);
        Assert.Equal(MigrationCatalog.Shipped.Count, second.SchemaVersion);
        Assert.Equal(before, await QueryStringsAsync(dataSource, "SELECT version || ' ' || checksum || ' ' || applied_at FROM schema_migrations ORDER BY version"));
    }

    [Fact]
    public async Task Two_migrators_starting_at_once_apply_each_migration_once()
    {
        // Migrations that fail if run twice (CREATE TABLE) and that hold the window open (pg_sleep): without the
        // advisory lock both processes would see version 0 and the second CREATE TABLE would throw.
        IReadOnlyList<MigrationScript> scripts =
        [
            new(1, "first", "CREATE TABLE once_a (x int); SELECT pg_sleep(0.3);", "a"),
            new(2, "second", "CREATE TABLE once_b (x int); SELECT pg_sleep(0.3);", "b"),
        ];
        var connectionString = cluster.CreateDatabase();
        using var first = NpgsqlDataSource.Create(connectionString);
        using var second = NpgsqlDataSource.Create(connectionString);
        using var go = new ManualResetEventSlim();

        var runs = new[] { first, second }
            .Select(dataSource => Task.Run(async () =>
            {
                go.Wait();
                return await Migrator(dataSource).MigrateAsync(scripts, CancellationToken.None);
            }))
            .ToArray();
        go.Set();
        var reports = await Task.WhenAll(runs);

        Assert.Equal([1, 2], reports.SelectMany(r => r.Applied).Order());
        Assert.Contains(reports, r => r.Applied.Count == 0);
        Assert.Equal(["1", "2"], await QueryStringsAsync(first, "SELECT version::text FROM schema_migrations ORDER BY version"));
    }

    [Fact]
    public async Task A_shipped_migration_whose_text_changed_stops_start_up()
    {
        var connectionString = cluster.CreateDatabase();
        using var dataSource = NpgsqlDataSource.Create(connectionString);
        await Migrator(dataSource).MigrateAsync([new(1, "first", "CREATE TABLE edited (x int);", "original")], CancellationToken.None);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            Migrator(dataSource).MigrateAsync([new(1, "first", "CREATE TABLE edited (y int);", "changed")], CancellationToken.None));
        Assert.Contains("Migration 1 (first) was applied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_newer_than_this_build_stops_start_up()
    {
        var connectionString = cluster.CreateDatabase();
        using var dataSource = NpgsqlDataSource.Create(connectionString);
        await Migrator(dataSource).MigrateAsync([new(1, "a", "SELECT 1;", "a"), new(2, "b", "SELECT 2;", "b")], CancellationToken.None);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            Migrator(dataSource).MigrateAsync([new(1, "a", "SELECT 1;", "a")], CancellationToken.None));
        Assert.Contains("schema version 2, newer than this build knows (1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_listening_fails_with_a_clear_error_naming_the_server()
    {
        var port = ClosedLoopbackPort();
        using var dataSource = PostgresDataSources.Create(new StoreOptions
        {
            Provider = "postgres",
            ConnectionString = $"Host=127.0.0.1;Port={port.ToString(CultureInfo.InvariantCulture)};Username=honcho;Database=honcho;Password={Password};Timeout=5",
        });

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => Migrator(dataSource).MigrateAsync(CancellationToken.None));
        Assert.StartsWith($"Could not connect to the PostgreSQL store (127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}, database honcho, user honcho)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_fails_with_a_clear_error_naming_it()
    {
        var connectionString = cluster.ConnectionString("no_such_database");
        using var dataSource = NpgsqlDataSource.Create(connectionString);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => Migrator(dataSource).MigrateAsync(CancellationToken.None));
        Assert.Contains("database no_such_database", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_connection_string_fails_with_a_clear_error()
    {
        var error = Assert.Throws<StoreUnavailableException>(() => PostgresDataSources.Create(new StoreOptions
        {
            Provider = "postgres",
            ConnectionString = $"Hots=127.0.0.1;Password={Password}",
        }));
        Assert.StartsWith("Store:ConnectionString is not a valid PostgreSQL connection string", error.Message, StringComparison.Ordinal);
        Assert.Contains("hots", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_in_the_connection_string_never_reaches_the_logs()
    {
        // Trust authentication ignores the password, so the real cluster accepts it and every log line is written.
        var connectionString = cluster.CreateDatabase().Replace("Pooling=false", $"Pooling=false;Password={Password}", StringComparison.Ordinal);
        Assert.Contains(Password, connectionString, StringComparison.Ordinal);
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        using var dataSource = PostgresDataSources.Create(new StoreOptions { Provider = "postgres", ConnectionString = connectionString });
        var migrator = new PostgresMigrator(dataSource, TimeProvider.System, loggerFactory.CreateLogger<PostgresMigrator>());

        await migrator.MigrateAsync(CancellationToken.None);
        await migrator.MigrateAsync(CancellationToken.None);

        Assert.Contains(logs.Lines, l => l.Contains("Applying store migration 1", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("already at version", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(Password, StringComparison.Ordinal));
    }

    private static PostgresMigrator Migrator(NpgsqlDataSource dataSource, TimeProvider? time = null) =>
        new(dataSource, time ?? new FakeTimeProvider(Start), Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresMigrator>.Instance);

    private static async Task<List<string>> QueryStringsAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
