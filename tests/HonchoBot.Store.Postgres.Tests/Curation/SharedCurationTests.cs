using HonchoBot.Core.Answers;
using HonchoBot.Core.Curation;
using HonchoBot.Core.Pipeline;
using HonchoBot.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace HonchoBot.Store.Postgres.Tests.Curation;

/// <summary>
/// Questions and votes replicas share in postgres mode: one hash key for all, each replica's votes seen by every
/// other, no user id in any row, and rows past retention deleted from the tables.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedCurationTests(PostgresCluster cluster)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Replicas_started_together_share_one_hash_key()
    {
        var connectionString = await NewDatabaseAsync();
        var sources = Enumerable.Range(0, 6).Select(_ => NpgsqlDataSource.Create(connectionString)).ToList();
        try
        {
            var keys = await Task.WhenAll(sources.Select(s => Task.Run(() => new PostgresIdentityKeySource(s).LoadOrCreate())));

            Assert.All(keys, key => Assert.Equal(keys[0], key));
            var hashers = sources.Select(s => new IdentityHasher(new PostgresIdentityKeySource(s))).ToList();
            Assert.Single(hashers.Select(h => h.Hash(ChatPlatform.Discord, "987654321")).Distinct());
        }
        finally
        {
            sources.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task A_vote_on_one_replica_counts_for_an_answer_given_by_another_and_a_change_updates_it()
    {
        var connectionString = await NewDatabaseAsync();
        var clock = new FakeTimeProvider(Start);
        using var first = NpgsqlDataSource.Create(connectionString);
        using var second = NpgsqlDataSource.Create(connectionString);
        using var replicaA = PostgresCurationStoreTests.Open(first, new QuestionLogOptions(), clock, () => { });
        using var replicaB = PostgresCurationStoreTests.Open(second, new QuestionLogOptions(), clock, () => { });
        var voter = new IdentityHasher(replicaB.Keys).Hash(ChatPlatform.Discord, "U-voter");

        var id = (await replicaA.Feedback.RecordAnswerAsync(Answer(), None))!;
        await replicaA.Log.RecordAsync(new QuestionRecord(clock.GetUtcNow(), "How were the regiments rotated?", AnswerStatus.Answered, ChatPlatform.Discord, "discord:42"), None);
        Assert.Equal(VoteOutcome.Recorded, await replicaB.Feedback.VoteAsync(id, voter, VoteValue.Up, null, None));
        clock.Advance(TimeSpan.FromMinutes(2));
        var sameVoterOnA = new IdentityHasher(replicaA.Keys).Hash(ChatPlatform.Discord, "U-voter");
        Assert.Equal(VoteOutcome.Updated, await replicaA.Feedback.VoteAsync(id, sameVoterOnA, VoteValue.Down, VoteReason.WrongSource, None));

        var seenByB = Assert.Single(await replicaB.Feedback.ReadVotesSinceAsync(Start, None));
        Assert.Equal(VoteValue.Down, seenByB.Value);
        Assert.Equal(VoteReason.WrongSource, seenByB.Reason);
        Assert.Equal("How were the regiments rotated?", Assert.Single(await replicaB.Log.ReadSinceAsync(Start, None)).Text);
        Assert.Equal(1L, Scalar(first, "SELECT count(*) FROM feedback_votes"));
    }

    [Fact]
    public async Task No_row_holds_a_user_id_in_clear()
    {
        const string userId = "987654321012345678";
        const string voterId = "876543210987654321";
        var connectionString = await NewDatabaseAsync();
        var clock = new FakeTimeProvider(Start);
        using var dataSource = NpgsqlDataSource.Create(connectionString);
        using var stores = PostgresCurationStoreTests.Open(dataSource, new QuestionLogOptions(), clock, () => { });
        var hasher = new IdentityHasher(stores.Keys);
        var recorder = new CurationRecorder(stores.Log, stores.Feedback, hasher, clock, NullLogger<CurationRecorder>.Instance);
        var origin = new QuestionOrigin(ChatPlatform.Discord, "discord:42", "C-general", userId);
        var answer = new Answer(
            "How were the regiments rotated?",
            AnswerStatus.Answered,
            null,
            [new Citation(1, "made-up-memoir", "A made-up memoir", null, null, null, null, "¶3", "made-up-memoir#3", "The regiments changed over every few months.", null, 1.0)],
            [],
            12);

        var kept = await recorder.RecordAsync(new Question(answer.Question, origin), answer, None);
        Assert.NotNull(kept.FeedbackId);
        await stores.Feedback.VoteAsync(kept.FeedbackId!, hasher.Hash(ChatPlatform.Discord, voterId), VoteValue.Down, VoteReason.MissingAnswer, None);

        var rows = string.Join("\n", new[] { "questions", "feedback_answers", "feedback_votes" }.Select(table => Scalar(dataSource, $"SELECT coalesce(string_agg(row_to_json(t)::text, E'\\n'), '') FROM {table} t")));
        Assert.Contains("How were the regiments rotated?", rows, StringComparison.Ordinal);
        Assert.Contains("missing_answer", rows, StringComparison.Ordinal);
        Assert.Contains(hasher.Hash(ChatPlatform.Discord, userId), rows, StringComparison.Ordinal);
        Assert.DoesNotContain(userId, rows, StringComparison.Ordinal);
        Assert.DoesNotContain(voterId, rows, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_past_retention_are_deleted_from_the_tables_at_most_once_an_hour()
    {
        var connectionString = await NewDatabaseAsync();
        var clock = new FakeTimeProvider(Start);
        using var dataSource = NpgsqlDataSource.Create(connectionString);
        using var stores = PostgresCurationStoreTests.Open(dataSource, new QuestionLogOptions { RetentionDays = 2 }, clock, () => { });
        await stores.Log.RecordAsync(Question(clock, "an old question about the Yalu"), None);
        var id = (await stores.Feedback.RecordAnswerAsync(Answer(), None))!;
        await stores.Feedback.VoteAsync(id, "voter-1", VoteValue.Up, null, None);

        clock.Advance(TimeSpan.FromDays(3));
        await stores.Log.RecordAsync(Question(clock, "a question three days later"), None);
        Assert.Equal(1L, Scalar(dataSource, "SELECT count(*) FROM questions"));
        Assert.Equal(0L, Scalar(dataSource, "SELECT count(*) FROM feedback_answers"));
        Assert.Equal(0L, Scalar(dataSource, "SELECT count(*) FROM feedback_votes"));

        // Just past midnight the three-day-old question falls out of retention: it is no longer read at once,
        // but it is deleted only by the next sweep, an hour after the last one.
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 15, 23, 59, 0, TimeSpan.Zero));
        await stores.Log.RecordAsync(Question(clock, "a question just before midnight"), None);
        clock.Advance(TimeSpan.FromMinutes(2));
        await stores.Log.RecordAsync(Question(clock, "a question just after midnight"), None);
        Assert.Equal(3L, Scalar(dataSource, "SELECT count(*) FROM questions"));
        Assert.Equal(2, (await stores.Log.ReadSinceAsync(Start, None)).Count);

        clock.Advance(CurationRetentionSweeper.Interval);
        await stores.Log.RecordAsync(Question(clock, "a question an hour later"), None);
        Assert.Equal(3L, Scalar(dataSource, "SELECT count(*) FROM questions"));
    }

    private static QuestionRecord Question(TimeProvider clock, string text) =>
        new(clock.GetUtcNow(), text, AnswerStatus.NoAnswer, ChatPlatform.Discord, "discord:42");

    private static AnswerRecord Answer() => new(
        string.Empty, default, "How were the regiments rotated?", AnswerStatus.Answered, ["made-up-memoir#3"],
        ChatPlatform.Discord, "discord:42", "C1", "asker-hash");

    private static object? Scalar(NpgsqlDataSource dataSource, string sql)
    {
        using var command = dataSource.CreateCommand(sql);
        return command.ExecuteScalar();
    }

    private async Task<string> NewDatabaseAsync()
    {
        var connectionString = cluster.CreateDatabase();
        using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new PostgresMigrator(dataSource, new FakeTimeProvider(Start), NullLogger<PostgresMigrator>.Instance).MigrateAsync(None);
        return connectionString;
    }
}
