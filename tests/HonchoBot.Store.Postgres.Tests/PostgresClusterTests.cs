using HonchoBot.Tests.Shared;
using Npgsql;

namespace HonchoBot.Store.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresClusterTests(PostgresCluster cluster)
{
    [Fact]
    public async Task The_cluster_accepts_connections_on_loopback_as_a_superuser()
    {
        await using var connection = new NpgsqlConnection(cluster.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('server_version_num')::int, current_setting('listen_addresses'), rolsuper FROM pg_roles WHERE rolname = current_user", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.InRange(reader.GetInt32(0), 150000, 159999);
        Assert.Equal("127.0.0.1", reader.GetString(1));
        Assert.True(reader.GetBoolean(2));
    }

    [Fact]
    public async Task Each_test_database_starts_empty_and_separate()
    {
        var first = cluster.CreateDatabase();
        var second = cluster.CreateDatabase();
        Assert.NotEqual(first, second);

        await using (var connection = new NpgsqlConnection(first))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE only_here (x int)", connection);
            await create.ExecuteNonQueryAsync();
        }

        await using var other = new NpgsqlConnection(second);
        await other.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", other);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }
}
