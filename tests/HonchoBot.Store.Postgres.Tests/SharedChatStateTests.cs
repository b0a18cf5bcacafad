using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace HonchoBot.Store.Postgres.Tests;

/// <summary>
/// The chat state replicas share in postgres mode: one allowance per asker and channel whichever replica they
/// reach, and an event id handled once across replicas; both expire and are deleted.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedChatStateTests(PostgresCluster cluster)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly QuestionOrigin Asker = new("discord", "discord:7", "C1", "U1");

    [Fact]
    public async Task Two_replicas_share_one_allowance_per_asker_and_refill_it_over_the_minute()
    {
        var (dataSource, time) = await NewStoreAsync();
        using var _ = dataSource;
        var options = Options.Create(new RateLimitOptions { PerUserPerMinute = 2, PerChannelPerMinute = 30 });
        var first = Limiter(dataSource, options, time);
        var second = Limiter(dataSource, options, time);

        Assert.True(first.TryAcquire(Asker));
        Assert.True(second.TryAcquire(Asker));
        Assert.False(first.TryAcquire(Asker));
        Assert.False(second.TryAcquire(Asker));
        Assert.True(second.TryAcquire(Asker with { UserId = "U2" }));

        // Half a minute refills one of two tokens per minute.
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(second.TryAcquire(Asker));
        Assert.False(first.TryAcquire(Asker));

        // A "busy" answer gives the token back, on whichever replica.
        first.Release(Asker);
        Assert.True(second.TryAcquire(Asker));
    }

    [Fact]
    public async Task An_event_id_is_new_once_across_replicas_until_it_expires_and_expired_rows_are_deleted()
    {
        var (dataSource, time) = await NewStoreAsync();
        using var _ = dataSource;
        var sweeper = new ExpiredRowSweeper(dataSource, NullLogger<ExpiredRowSweeper>.Instance);
        var first = new PostgresReplayGuard(dataSource, time, sweeper, NullLogger<PostgresReplayGuard>.Instance);
        var second = new PostgresReplayGuard(dataSource, time, new ExpiredRowSweeper(dataSource, NullLogger<ExpiredRowSweeper>.Instance), NullLogger<PostgresReplayGuard>.Instance);

        Assert.True(first.TryMarkNew("slack_event", "Ev1", TimeSpan.FromMinutes(15)));
        Assert.False(second.TryMarkNew("slack_event", "Ev1", TimeSpan.FromMinutes(15)));
        Assert.True(second.TryMarkNew("discord_interaction", "Ev1", TimeSpan.FromMinutes(15)));

        time.Advance(TimeSpan.FromMinutes(16));
        Assert.True(second.TryMarkNew("slack_event", "Ev2", TimeSpan.FromMinutes(15)));
        Assert.Equal(1L, Count(dataSource, "seen_ids"));
        Assert.True(first.TryMarkNew("slack_event", "Ev1", TimeSpan.FromMinutes(15)));
    }

    private static PostgresChatRateLimiter Limiter(NpgsqlDataSource dataSource, IOptions<RateLimitOptions> options, TimeProvider time) =>
        new(dataSource, options, time, new ExpiredRowSweeper(dataSource, NullLogger<ExpiredRowSweeper>.Instance), NullLogger<PostgresChatRateLimiter>.Instance);

    private static long Count(NpgsqlDataSource dataSource, string table) => MigratedDatabase.RowCount(dataSource, table);

    private async Task<(NpgsqlDataSource DataSource, FakeTimeProvider Time)> NewStoreAsync()
    {
        var time = new FakeTimeProvider(Start);
        return (await MigratedDatabase.CreateAsync(cluster, time), time);
    }
}
