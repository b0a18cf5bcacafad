using HonchoBot.Core.Corpus;
using HonchoBot.Core.Sources;
using HonchoBot.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace HonchoBot.Store.Postgres.Tests;

/// <summary>
/// A library change in postgres mode is one transaction: the source's new state, its change-log entry and its
/// audit entry commit together or not at all; the change feed resolves what a replica must apply.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StoreTransactionTests(PostgresCluster cluster)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly SourceBlock[] Blocks = [new("The tide mill ground corn on the ebb for two hundred years.", "¶1")];

    [Fact]
    public async Task A_publish_and_its_audit_entry_commit_together_or_not_at_all()
    {
        var (dataSource, time) = await NewStoreAsync();
        using var _ = dataSource;
        var store = new PostgresSourceStore(dataSource, time);
        var audit = new PostgresAuditLog(dataSource);
        var coordinator = new PostgresStoreCoordinator(dataSource, Migrator(dataSource, time), time);
        await store.StageAsync(new SourceInfo("tide-mill", "The tide mill"), Blocks, CancellationToken.None);

        await using (coordinator.BeginTransaction())
        {
            await audit.AppendAsync(Entry("tide-mill"), CancellationToken.None);
            Assert.True(await store.PublishAsync("tide-mill", CancellationToken.None));

            // Abandoned before the commit: as if the process died here.
        }

        Assert.Empty((await store.LoadAsync(CancellationToken.None)).Sources);
        Assert.Empty(await audit.ReadAsync(null, 10, CancellationToken.None));
        Assert.Equal(0L, Count(dataSource, "change_log"));

        await using (var transaction = coordinator.BeginTransaction())
        {
            await audit.AppendAsync(Entry("tide-mill"), CancellationToken.None);
            Assert.True(await store.PublishAsync("tide-mill", CancellationToken.None));
            await transaction.CommitAsync(CancellationToken.None);
        }

        Assert.Equal(["tide-mill"], (await store.LoadAsync(CancellationToken.None)).Sources.Select(s => s.Info.Id));
        Assert.Equal("tide-mill", Assert.Single(await audit.ReadAsync(null, 10, CancellationToken.None)).SourceId);
        Assert.Equal(1L, Count(dataSource, "change_log"));
    }

    [Fact]
    public async Task The_change_feed_resolves_each_touched_source_to_its_state_now_and_hides_refresh_the_hidden_list()
    {
        var (dataSource, time) = await NewStoreAsync();
        using var _ = dataSource;
        var store = new PostgresSourceStore(dataSource, time);
        var hidden = new PostgresHiddenSources(dataSource, time);
        var feed = new PostgresChangeFeed(dataSource, hidden, Options.Create(new StoreOptions { Provider = StoreOptions.Postgres, ConnectionString = "unused", CatchUpBatchSize = 10 }), time, NullLogger<PostgresChangeFeed>.Instance);
        foreach (var id in new[] { "kept-note", "gone-note" })
        {
            await store.StageAsync(new SourceInfo(id, "Note " + id), Blocks.Select(b => b with { Text = b.Text + " " + id }).ToList(), CancellationToken.None);
            await store.PublishAsync(id, CancellationToken.None);
        }

        await store.RemoveAsync("gone-note", CancellationToken.None);
        Assert.Empty(hidden.HiddenIn(null));
        Assert.True(hidden.Set(null, "kept-note", hidden: true));
        Assert.False(hidden.Set(null, "kept-note", hidden: true));

        var batch = await feed.ReadAsync(0, CancellationToken.None);

        Assert.Equal(4L, batch.LastSequence);
        Assert.Equal(["kept-note"], batch.Upserts.Select(d => d.Info.Id));
        Assert.Equal(["gone-note"], batch.Removals);
        Assert.Contains("kept-note", hidden.HiddenIn("discord:1"));
        Assert.Equal(batch.LastSequence, (await feed.ReadAsync(batch.LastSequence, CancellationToken.None)).LastSequence);
    }

    private static AuditEntry Entry(string sourceId) =>
        new(Start, "cli", "operator", "operator", null, null, "add", sourceId, "done", "test");

    [Fact]
    public async Task At_start_an_add_a_crash_left_staged_is_discarded_once_it_is_stale_and_a_recent_one_is_kept()
    {
        var (dataSource, time) = await NewStoreAsync();
        using var _ = dataSource;
        var store = new PostgresSourceStore(dataSource, time);
        var coordinator = new PostgresStoreCoordinator(dataSource, Migrator(dataSource, time), time);
        await store.StageAsync(new SourceInfo("old-add", "An add whose process died"), Blocks, CancellationToken.None);
        time.Advance(PostgresStoreCoordinator.StaleStagedAfter + TimeSpan.FromMinutes(1));
        await store.StageAsync(new SourceInfo("new-add", "An add still under way"), Blocks, CancellationToken.None);

        await coordinator.PrepareAsync(CancellationToken.None);

        Assert.Equal(["new-add"], (await store.LoadStagedAsync(CancellationToken.None)).Sources.Select(s => s.Info.Id));
        Assert.False(await store.PublishAsync("old-add", CancellationToken.None));
        Assert.True(await store.PublishAsync("new-add", CancellationToken.None));
        Assert.Equal(1L, Count(dataSource, "change_log"));
    }

    private static PostgresMigrator Migrator(NpgsqlDataSource dataSource, TimeProvider time) => new(dataSource, time, NullLogger<PostgresMigrator>.Instance);

    private static long Count(NpgsqlDataSource dataSource, string table) => MigratedDatabase.RowCount(dataSource, table);

    private async Task<(NpgsqlDataSource DataSource, FakeTimeProvider Time)> NewStoreAsync()
    {
        var time = new FakeTimeProvider(Start);
        return (await MigratedDatabase.CreateAsync(cluster, time), time);
    }
}
