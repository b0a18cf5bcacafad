using HonchoBot.Core.Corpus;
using HonchoBot.Core.Retrieval;
using HonchoBot.Core.Sources;
using HonchoBot.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace HonchoBot.Store.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSourceStoreTests(PostgresCluster cluster)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly SourceInfo Info = new(
        "harbour-history", "A History of the Harbour", Author: "A. Writer", Publisher: "Port Press",
        Url: "https://example.org/harbour", Published: "1999", Notes: "Chapter one only", AddedBy: "discord:42",
        CommunityId: "discord:7", AddedAt: Start);

    private static readonly SourceBlock[] Blocks =
    [
        new("The harbour was dredged in 1850 to let deeper ships in.", "¶1"),
        new("A lighthouse followed in 1862.", "¶2"),
    ];

    [Fact]
    public async Task A_staged_source_is_not_live_until_published()
    {
        var (store, dataSource) = await NewStoreAsync();
        using var _ = dataSource;

        var staged = await store.StageAsync(Info, Blocks, CancellationToken.None);

        Assert.Empty((await store.LoadAsync(CancellationToken.None)).Sources);
        Assert.Equal(["harbour-history"], (await store.LoadStagedAsync(CancellationToken.None)).Documents.Select(d => d.Info.Id));
        Assert.True(store.IsIdTaken("harbour-history"));
        Assert.False(store.IsIdTaken("another-source"));

        Assert.True(await store.PublishAsync("harbour-history", CancellationToken.None));
        var live = Assert.Single((await store.LoadAsync(CancellationToken.None)).Documents);
        Assert.Equal(staged.ContentHash, live.ContentHash);
        Assert.Equal(Info with { }, live.Info);
        Assert.Equal(Blocks, live.Blocks);
        Assert.Empty((await store.LoadStagedAsync(CancellationToken.None)).Sources);
        Assert.False(await store.PublishAsync("harbour-history", CancellationToken.None));
    }

    [Fact]
    public async Task The_database_holds_the_same_text_and_hash_as_the_files_store()
    {
        var (store, dataSource) = await NewStoreAsync();
        using var _ = dataSource;
        var directory = Directory.CreateTempSubdirectory("honcho-store-parity-");
        try
        {
            var files = new FileSourceStore(Options.Create(new DataOptions { Path = directory.FullName }), new FakeTimeProvider(Start));

            var fromFiles = await files.StageAsync(Info, Blocks, CancellationToken.None);
            var fromDatabase = await store.StageAsync(Info, Blocks, CancellationToken.None);

            Assert.Equal(fromFiles.ContentHash, fromDatabase.ContentHash);
            Assert.Equal(fromFiles.Info, fromDatabase.Info);
            Assert.Equal(fromFiles.Blocks, fromDatabase.Blocks);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Publishing_and_removing_append_to_the_change_log_in_order_and_discarding_does_not()
    {
        var (store, dataSource) = await NewStoreAsync();
        using var _ = dataSource;
        await store.StageAsync(Info, Blocks, CancellationToken.None);
        await store.StageAsync(Info with { Id = "abandoned", CommunityId = null }, Blocks, CancellationToken.None);

        Assert.True(await store.PublishAsync("harbour-history", CancellationToken.None));
        Assert.True(await store.DiscardAsync("abandoned", CancellationToken.None));
        Assert.True(await store.RemoveAsync("harbour-history", CancellationToken.None));
        Assert.False(await store.RemoveAsync("harbour-history", CancellationToken.None));
        Assert.False(await store.DiscardAsync("abandoned", CancellationToken.None));

        var changes = new List<string>();
        await using (var command = dataSource.CreateCommand("SELECT seq, kind, source_id, community_id FROM change_log ORDER BY seq"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            var last = 0L;
            while (await reader.ReadAsync())
            {
                Assert.True(reader.GetInt64(0) > last);
                last = reader.GetInt64(0);
                changes.Add($"{reader.GetString(1)} {reader.GetString(2)} {(reader.IsDBNull(3) ? "global" : reader.GetString(3))}");
            }
        }

        Assert.Equal(["added harbour-history discord:7", "removed harbour-history discord:7"], changes);
        Assert.Empty((await store.LoadAsync(CancellationToken.None)).Sources);
        Assert.Empty((await store.LoadStagedAsync(CancellationToken.None)).Sources);

        // Removed and discarded sources keep their ids (and text), as the files store keeps them in .removed/.
        Assert.True(store.IsIdTaken("harbour-history"));
        Assert.True(store.IsIdTaken("abandoned"));
    }

    [Fact]
    public async Task Staging_an_id_already_used_fails_and_keeps_the_first()
    {
        var (store, dataSource) = await NewStoreAsync();
        using var _ = dataSource;
        await store.StageAsync(Info, Blocks, CancellationToken.None);

        await Assert.ThrowsAsync<IOException>(() => store.StageAsync(Info with { Title = "Another" }, Blocks, CancellationToken.None));

        Assert.Equal("A History of the Harbour", Assert.Single((await store.LoadStagedAsync(CancellationToken.None)).Documents).Info.Title);
    }

    [Fact]
    public async Task Ids_that_are_not_slugs_are_refused_before_any_query()
    {
        var (store, dataSource) = await NewStoreAsync();
        using var _ = dataSource;

        Assert.Throws<ArgumentException>(() => store.IsIdTaken("../etc"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.PublishAsync("Not A Slug", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.StageAsync(Info with { Id = "x'; DROP TABLE sources; --" }, Blocks, CancellationToken.None));
    }

    [Fact]
    public async Task A_row_that_does_not_parse_is_reported_and_the_others_still_load()
    {
        var (store, dataSource) = await NewStoreAsync();
        using var _ = dataSource;
        await store.StageAsync(Info, Blocks, CancellationToken.None);
        await store.PublishAsync("harbour-history", CancellationToken.None);
        await using (var insert = dataSource.CreateCommand(
            "INSERT INTO sources (source_id, title, content, content_hash, state, created_at, updated_at) VALUES ('broken', 'Broken', '', 'x', 'published', now(), now())"))
        {
            await insert.ExecuteNonQueryAsync();
        }

        var load = await store.LoadAsync(CancellationToken.None);

        Assert.Equal(["harbour-history"], load.Sources.Select(s => s.Info.Id));
        Assert.Equal("broken.md", Assert.Single(load.Errors).FileName);
    }

    private async Task<(PostgresSourceStore Store, NpgsqlDataSource DataSource)> NewStoreAsync()
    {
        var time = new FakeTimeProvider(Start);
        var dataSource = await MigratedDatabase.CreateAsync(cluster, time);
        return (new PostgresSourceStore(dataSource, time), dataSource);
    }
}
