using HonchoBot.Core.Answers;
using HonchoBot.Core.Curation;
using HonchoBot.Core.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace HonchoBot.Store.Postgres.Tests.Curation;

/// <summary>
/// What every question log and feedback store must do, run against the data-directory files and the PostgreSQL
/// store alike: what is kept, for how long, one vote per person per answer, and nothing when switched off.
/// </summary>
public abstract class CurationStoreContract
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A fresh, empty set of stores on <paramref name="clock"/>.</summary>
    protected abstract Task<CurationStores> OpenAsync(QuestionLogOptions options, FakeTimeProvider clock);

    [Fact]
    public async Task Questions_are_read_back_oldest_first_from_the_given_time()
    {
        var clock = new FakeTimeProvider(Start);
        using var stores = await OpenAsync(new QuestionLogOptions(), clock);
        await stores.Log.RecordAsync(Question(clock, "Which airfield did the night fighters use?", AnswerStatus.NoAnswer, "discord:42"), None);
        clock.Advance(TimeSpan.FromHours(1));
        await stores.Log.RecordAsync(Question(clock, "How were the regiments rotated?", AnswerStatus.Answered, null), None);

        var all = await stores.Log.ReadSinceAsync(Start.AddDays(-1), None);
        Assert.Equal(["Which airfield did the night fighters use?", "How were the regiments rotated?"], all.Select(q => q.Text));
        Assert.Equal(AnswerStatus.NoAnswer, all[0].Status);
        Assert.Equal("discord:42", all[0].CommunityId);
        Assert.Equal(ChatPlatform.Discord, all[0].Platform);
        Assert.Equal(Start, all[0].Time);
        Assert.Null(all[1].CommunityId);

        var later = Assert.Single(await stores.Log.ReadSinceAsync(Start.AddMinutes(30), None));
        Assert.Equal("How were the regiments rotated?", later.Text);
    }

    [Fact]
    public async Task Days_past_retention_are_no_longer_read()
    {
        var clock = new FakeTimeProvider(Start);
        using var stores = await OpenAsync(new QuestionLogOptions { RetentionDays = 3 }, clock);
        var since = Start.AddDays(-30);
        await stores.Log.RecordAsync(Question(clock, "an old question about the Yalu", AnswerStatus.NoAnswer, null), None);
        clock.Advance(TimeSpan.FromDays(2));
        await stores.Log.RecordAsync(Question(clock, "a newer question about Antung", AnswerStatus.NoAnswer, null), None);
        Assert.Equal(2, (await stores.Log.ReadSinceAsync(since, None)).Count);

        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(["a newer question about Antung"], (await stores.Log.ReadSinceAsync(since, None)).Select(q => q.Text));
        await stores.Log.RecordAsync(Question(clock, "today's question about radar", AnswerStatus.NoAnswer, null), None);
        Assert.Equal(
            ["a newer question about Antung", "today's question about radar"],
            (await stores.Log.ReadSinceAsync(since, None)).Select(q => q.Text));
    }

    [Theory]
    [InlineData(false, 90)]
    [InlineData(true, 0)]
    public async Task Switched_off_nothing_is_kept(bool record, int retentionDays)
    {
        var clock = new FakeTimeProvider(Start);
        using var stores = await OpenAsync(new QuestionLogOptions { Record = record, RetentionDays = retentionDays }, clock);

        await stores.Log.RecordAsync(Question(clock, "What did the ground controllers see?", AnswerStatus.Answered, "slack:T1"), None);
        Assert.Null(await stores.Feedback.RecordAnswerAsync(Answer("slack:T1"), None));
        Assert.Empty(await stores.Log.ReadSinceAsync(DateTimeOffset.MinValue, None));
        Assert.Empty(await stores.Feedback.ReadVotesSinceAsync(DateTimeOffset.MinValue, None));
    }

    [Fact]
    public async Task A_kept_answer_is_found_by_its_id_with_what_the_buttons_need()
    {
        var clock = new FakeTimeProvider(Start);
        using var stores = await OpenAsync(new QuestionLogOptions(), clock);

        var id = await stores.Feedback.RecordAnswerAsync(Answer("slack:T9"), None);

        Assert.True(AnswerIds.TryGetDay(id, out var day));
        Assert.Equal(new DateOnly(2026, 3, 10), day);
        var found = await stores.Feedback.FindAnswerAsync(id!, None);
        Assert.NotNull(found);
        Assert.Equal(id, found.Id);
        Assert.Equal(Start, found.Time);
        Assert.Equal("How were the regiments rotated?", found.Question);
        Assert.Equal(AnswerStatus.Answered, found.Status);
        Assert.Equal(["made-up-memoir#3", "made-up-history#7"], found.PassageIds);
        Assert.Equal(ChatPlatform.Slack, found.Platform);
        Assert.Equal("slack:T9", found.CommunityId);
        Assert.Equal("C7", found.ChannelId);
        Assert.Equal("asker-hash", found.AskerHash);
    }

    [Fact]
    public async Task A_second_vote_by_the_same_person_replaces_the_first()
    {
        var clock = new FakeTimeProvider(Start);
        using var stores = await OpenAsync(new QuestionLogOptions(), clock);
        var id = (await stores.Feedback.RecordAnswerAsync(Answer("discord:42"), None))!;

        Assert.Equal(VoteOutcome.Recorded, await stores.Feedback.VoteAsync(id, "voter-1", VoteValue.Up, null, None));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(VoteOutcome.Updated, await stores.Feedback.VoteAsync(id, "voter-1", VoteValue.Down, VoteReason.MissingAnswer, None));

        var vote = Assert.Single(await stores.Feedback.ReadVotesSinceAsync(DateTimeOffset.MinValue, None));
        Assert.Equal(id, vote.AnswerId);
        Assert.Equal("voter-1", vote.VoterHash);
        Assert.Equal(VoteValue.Down, vote.Value);
        Assert.Equal(VoteReason.MissingAnswer, vote.Reason);
        Assert.Equal(Start.AddMinutes(5), vote.Time);
        Assert.Equal("How were the regiments rotated?", vote.Question);
        Assert.Equal(["made-up-memoir#3", "made-up-history#7"], vote.PassageIds);
        Assert.Equal("discord:42", vote.CommunityId);
        Assert.Equal("asker-hash", vote.AskerHash);
    }

    [Fact]
    public async Task Different_voters_each_have_their_own_vote_in_time_order()
    {
        var clock = new FakeTimeProvider(Start);
        using var stores = await OpenAsync(new QuestionLogOptions(), clock);
        var id = (await stores.Feedback.RecordAnswerAsync(Answer("discord:42"), None))!;

        await stores.Feedback.VoteAsync(id, "voter-a", VoteValue.Up, null, None);
        clock.Advance(TimeSpan.FromMinutes(1));
        await stores.Feedback.VoteAsync(id, "voter-b", VoteValue.Down, VoteReason.WrongSource, None);

        var votes = await stores.Feedback.ReadVotesSinceAsync(DateTimeOffset.MinValue, None);
        Assert.Equal(["voter-a", "voter-b"], votes.Select(v => v.VoterHash));
        Assert.Equal([VoteValue.Up, VoteValue.Down], votes.Select(v => v.Value));
        Assert.Equal("voter-b", Assert.Single(await stores.Feedback.ReadVotesSinceAsync(Start.AddSeconds(30), None)).VoterHash);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-id")]
    [InlineData("261301aaaaaaaaaa")]
    [InlineData("260310aaaaaaaaaa")]
    public async Task A_vote_on_an_unknown_answer_writes_nothing(string id)
    {
        var clock = new FakeTimeProvider(Start);
        using var stores = await OpenAsync(new QuestionLogOptions(), clock);

        Assert.Null(await stores.Feedback.FindAnswerAsync(id, None));
        Assert.Equal(VoteOutcome.UnknownAnswer, await stores.Feedback.VoteAsync(id, "voter-1", VoteValue.Up, null, None));
        Assert.Empty(await stores.Feedback.ReadVotesSinceAsync(DateTimeOffset.MinValue, None));
    }

    [Fact]
    public async Task An_answer_past_retention_can_no_longer_be_voted_on()
    {
        var clock = new FakeTimeProvider(Start);
        using var stores = await OpenAsync(new QuestionLogOptions { RetentionDays = 2 }, clock);
        var id = (await stores.Feedback.RecordAnswerAsync(Answer("discord:42"), None))!;
        clock.Advance(TimeSpan.FromDays(3));

        Assert.Null(await stores.Feedback.FindAnswerAsync(id, None));
        Assert.Equal(VoteOutcome.UnknownAnswer, await stores.Feedback.VoteAsync(id, "voter-1", VoteValue.Up, null, None));
        Assert.Empty(await stores.Feedback.ReadVotesSinceAsync(DateTimeOffset.MinValue, None));
    }

    [Fact]
    public async Task A_vote_is_kept_for_its_own_retention_with_what_its_answer_was_about()
    {
        var clock = new FakeTimeProvider(Start);
        using var stores = await OpenAsync(new QuestionLogOptions { RetentionDays = 2 }, clock);
        var id = (await stores.Feedback.RecordAnswerAsync(Answer("discord:42"), None))!;
        clock.Advance(TimeSpan.FromDays(2));
        await stores.Feedback.VoteAsync(id, "late-voter", VoteValue.Down, VoteReason.WrongSource, None);

        // The answer's day is now past retention, the vote's is not.
        clock.Advance(TimeSpan.FromDays(1));
        await stores.Log.RecordAsync(Question(clock, "a question that lets a sweep run", AnswerStatus.NoAnswer, null), None);
        var vote = Assert.Single(await stores.Feedback.ReadVotesSinceAsync(DateTimeOffset.MinValue, None));
        Assert.Equal("How were the regiments rotated?", vote.Question);
        Assert.Equal(VoteOutcome.UnknownAnswer, await stores.Feedback.VoteAsync(id, "another-voter", VoteValue.Up, null, None));

        clock.Advance(TimeSpan.FromDays(2));
        Assert.Empty(await stores.Feedback.ReadVotesSinceAsync(DateTimeOffset.MinValue, None));
    }

    [Fact]
    public async Task The_hash_key_is_created_once_and_then_always_the_same()
    {
        using var stores = await OpenAsync(new QuestionLogOptions(), new FakeTimeProvider(Start));

        var first = stores.Keys.LoadOrCreate();

        Assert.Equal(FileIdentityKeySource.KeyBytes, first.Length);
        Assert.Equal(first, stores.Keys.LoadOrCreate());
        Assert.NotEqual(new byte[FileIdentityKeySource.KeyBytes], first);
    }

    protected static QuestionRecord Question(TimeProvider clock, string text, AnswerStatus status, string? community) =>
        new(clock.GetUtcNow(), text, status, ChatPlatform.Discord, community);

    protected static AnswerRecord Answer(string community) => new(
        string.Empty,
        default,
        "How were the regiments rotated?",
        AnswerStatus.Answered,
        ["made-up-memoir#3", "made-up-history#7"],
        community.StartsWith("slack:", StringComparison.Ordinal) ? ChatPlatform.Slack : ChatPlatform.Discord,
        community,
        "C7",
        "asker-hash");
}
