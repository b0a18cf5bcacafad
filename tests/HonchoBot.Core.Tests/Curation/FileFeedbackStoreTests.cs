using HonchoBot.Core.Answers;
using HonchoBot.Core.Curation;
using HonchoBot.Core.Pipeline;

namespace HonchoBot.Core.Tests.Curation;

/// <summary>Answers kept for their buttons, and votes: one per voter per answer, the latest wins.</summary>
public sealed class FileFeedbackStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_chat_answer_is_kept_with_its_passages_community_and_a_hashed_asker()
    {
        using var fixture = new CurationFixture();
        var answer = FileQuestionLogTests.SampleAnswer("How were the regiments rotated?");
        var origin = new QuestionOrigin(ChatPlatform.Slack, "slack:T9", "C7", "U123");

        var kept = await fixture.Recorder.RecordAsync(new Question(answer.Question, origin), answer, None);

        Assert.True(AnswerIds.TryGetDay(kept.FeedbackId, out var day));
        Assert.Equal(new DateOnly(2026, 3, 10), day);
        var record = await fixture.Feedback.FindAnswerAsync(kept.FeedbackId!, None);
        Assert.NotNull(record);
        Assert.Equal("How were the regiments rotated?", record.Question);
        Assert.Equal(["made-up-memoir#3", "made-up-history#7"], record.PassageIds);
        Assert.Equal("slack:T9", record.CommunityId);
        Assert.Equal("C7", record.ChannelId);
        Assert.Equal(fixture.Hasher.Hash(ChatPlatform.Slack, "U123"), record.AskerHash);
        Assert.NotEqual("U123", record.AskerHash);
    }

    [Fact]
    public async Task Console_answers_and_answers_without_citations_get_no_buttons()
    {
        using var fixture = new CurationFixture();
        var answer = FileQuestionLogTests.SampleAnswer("How were the regiments rotated?");
        var console = await fixture.Recorder.RecordAsync(new Question(answer.Question, new QuestionOrigin(ChatPlatform.Console)), answer, None);
        var noAnswer = await fixture.Recorder.RecordAsync(
            new Question("Who won the 1950 cup final?", new QuestionOrigin(ChatPlatform.Discord, null, "C1", "U1")),
            Answer.Without("Who won the 1950 cup final?", AnswerStatus.NoAnswer, "Nothing."),
            None);

        Assert.Null(console.FeedbackId);
        Assert.Null(noAnswer.FeedbackId);
        Assert.Equal(2, (await fixture.Log.ReadSinceAsync(DateTimeOffset.MinValue, None)).Count);
    }

    [Fact]
    public async Task A_second_vote_by_the_same_person_replaces_the_first()
    {
        using var fixture = new CurationFixture();
        var id = await KeepAnswerAsync(fixture);
        var voter = fixture.Hasher.Hash(ChatPlatform.Discord, "U-voter");

        Assert.Equal(VoteOutcome.Recorded, await fixture.Feedback.VoteAsync(id, voter, VoteValue.Up, null, None));
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(VoteOutcome.Updated, await fixture.Feedback.VoteAsync(id, voter, VoteValue.Down, VoteReason.MissingAnswer, None));

        var vote = Assert.Single(await fixture.Feedback.ReadVotesSinceAsync(DateTimeOffset.MinValue, None));
        Assert.Equal(VoteValue.Down, vote.Value);
        Assert.Equal(VoteReason.MissingAnswer, vote.Reason);
        Assert.Equal("How were the regiments rotated?", vote.Question);
        Assert.Equal(["made-up-memoir#3", "made-up-history#7"], vote.PassageIds);
        Assert.Equal("discord:42", vote.CommunityId);
    }

    [Fact]
    public async Task Different_voters_each_have_their_own_vote()
    {
        using var fixture = new CurationFixture();
        var id = await KeepAnswerAsync(fixture);

        await fixture.Feedback.VoteAsync(id, fixture.Hasher.Hash(ChatPlatform.Discord, "A"), VoteValue.Up, null, None);
        await fixture.Feedback.VoteAsync(id, fixture.Hasher.Hash(ChatPlatform.Discord, "B"), VoteValue.Down, null, None);

        var votes = await fixture.Feedback.ReadVotesSinceAsync(DateTimeOffset.MinValue, None);
        Assert.Equal([VoteValue.Up, VoteValue.Down], votes.Select(v => v.Value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-id")]
    [InlineData("261301aaaaaaaaaa")]
    [InlineData("260310aaaaaaaaaa")]
    public async Task A_vote_on_an_unknown_answer_writes_nothing(string id)
    {
        using var fixture = new CurationFixture();

        Assert.Equal(VoteOutcome.UnknownAnswer, await fixture.Feedback.VoteAsync(id, "h", VoteValue.Up, null, None));
        Assert.Empty(await fixture.Feedback.ReadVotesSinceAsync(DateTimeOffset.MinValue, None));
    }

    [Fact]
    public async Task An_answer_past_retention_can_no_longer_be_voted_on()
    {
        using var fixture = new CurationFixture(retentionDays: 2);
        var id = await KeepAnswerAsync(fixture);
        fixture.Clock.Advance(TimeSpan.FromDays(3));

        Assert.Null(await fixture.Feedback.FindAnswerAsync(id, None));
        Assert.Equal(VoteOutcome.UnknownAnswer, await fixture.Feedback.VoteAsync(id, "h", VoteValue.Up, null, None));
    }

    [Fact]
    public void The_hash_is_stable_per_install_and_differs_between_installs_and_platforms()
    {
        using var first = new CurationFixture();
        using var second = new CurationFixture();

        Assert.Equal(first.Hasher.Hash("discord", "1"), first.Hasher.Hash("discord", "1"));
        Assert.NotEqual(first.Hasher.Hash("discord", "1"), first.Hasher.Hash("slack", "1"));
        Assert.NotEqual(first.Hasher.Hash("discord", "1"), second.Hasher.Hash("discord", "1"));
        var reopened = new IdentityHasher(new FileIdentityKeySource(Microsoft.Extensions.Options.Options.Create(new HonchoBot.Core.Retrieval.DataOptions { Path = first.DataPath })));
        Assert.Equal(first.Hasher.Hash("discord", "1"), reopened.Hash("discord", "1"));
    }

    private static async Task<string> KeepAnswerAsync(CurationFixture fixture)
    {
        var answer = FileQuestionLogTests.SampleAnswer("How were the regiments rotated?");
        var kept = await fixture.Recorder.RecordAsync(
            new Question(answer.Question, new QuestionOrigin(ChatPlatform.Discord, "discord:42", "C1", "U-asker")), answer, None);
        return kept.FeedbackId!;
    }
}
