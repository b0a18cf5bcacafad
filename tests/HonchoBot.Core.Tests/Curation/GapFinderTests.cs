using HonchoBot.Core.Answers;
using HonchoBot.Core.Curation;
using HonchoBot.Core.Pipeline;

namespace HonchoBot.Core.Tests.Curation;

/// <summary>Coverage gaps: similar unanswered and down-voted questions grouped, most asked first.</summary>
public sealed class GapFinderTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public void Rewordings_of_one_question_group_together_and_unrelated_ones_stay_apart()
    {
        using var fixture = new CurationFixture();
        var t = fixture.Clock.GetUtcNow();
        var groups = fixture.Gaps.Group(
        [
            Gap("How many pilots trained at the Manchurian schools?", t),
            Gap("how many pilots were trained at Manchurian schools", t),
            Gap("How many pilots did the Manchurian schools train?", t),
            Gap("What colour were the nose bands?", t),
            Gap("Which colour were the nose bands painted?", t),
            Gap("Who built the runway at the coast?", t),
        ]);

        Assert.Equal([3, 2, 1], groups.Select(g => g.Count));
        Assert.Contains("pilot", groups[0].Terms);
        Assert.Contains("nose", groups[1].Terms);
        Assert.Equal("Who built the runway at the coast?", groups[2].Example);
    }

    [Fact]
    public void The_example_is_the_most_frequent_wording()
    {
        using var fixture = new CurationFixture();
        var t = fixture.Clock.GetUtcNow();
        var groups = fixture.Gaps.Group(
        [
            Gap("Where was the repair depot?", t.AddMinutes(-3)),
            Gap("Where was the repair depot located?", t.AddMinutes(-2)),
            Gap("where was the repair depot?", t.AddMinutes(-1)),
        ]);

        var group = Assert.Single(groups);
        Assert.Equal(3, group.Count);
        Assert.Equal("where was the repair depot?", group.Example);
    }

    [Fact]
    public void Questions_of_stop_words_only_group_only_with_the_same_wording()
    {
        using var fixture = new CurationFixture();
        var t = fixture.Clock.GetUtcNow();
        var groups = fixture.Gaps.Group([Gap("what is it?", t), Gap("What is it?", t), Gap("who was he?", t)]);

        Assert.Equal([2, 1], groups.Select(g => g.Count));
    }

    [Fact]
    public async Task The_report_counts_unanswered_and_down_voted_questions_of_one_community_in_the_period()
    {
        using var fixture = new CurationFixture();
        var here = new QuestionOrigin(ChatPlatform.Discord, "discord:1", "C", "asker");
        var elsewhere = new QuestionOrigin(ChatPlatform.Slack, "slack:T2", "C", "asker");
        await fixture.Recorder.RecordQuestionAsync(new Question("How deep was the hangar bunker?", here), AnswerStatus.NoAnswer, None);
        fixture.Clock.Advance(TimeSpan.FromDays(10));
        await fixture.Recorder.RecordQuestionAsync(new Question("How deep were the hangar bunkers?", here), AnswerStatus.NoAnswer, None);
        await fixture.Recorder.RecordQuestionAsync(new Question("How deep was the hangar bunker?", elsewhere), AnswerStatus.NoAnswer, None);
        var answer = FileQuestionLogTests.SampleAnswer("How were the regiments rotated?");
        var kept = await fixture.Recorder.RecordAsync(new Question(answer.Question, here), answer, None);
        await fixture.Feedback.VoteAsync(kept.FeedbackId!, fixture.Hasher.Hash("discord", "v1"), VoteValue.Down, VoteReason.WrongSource, None);
        await fixture.Feedback.VoteAsync(kept.FeedbackId!, fixture.Hasher.Hash("discord", "v2"), VoteValue.Up, null, None);

        var all = await fixture.Gaps.FindAsync(30, "discord:1", 20, None);
        var recent = await fixture.Gaps.FindAsync(5, "discord:1", 20, None);

        Assert.Equal(3, all.Questions);
        Assert.Equal([2, 1], all.Groups.Select(g => g.Count));
        Assert.Equal(2, all.Groups[0].Unanswered);
        Assert.Equal((1, 1), (all.Groups[1].DownVoted, all.Groups[1].WrongSource));
        Assert.Equal("How were the regiments rotated?", all.Groups[1].Example);
        Assert.Equal([1, 1], recent.Groups.Select(g => g.Count));
    }

    [Fact]
    public async Task A_vote_changed_to_up_is_no_longer_a_gap()
    {
        using var fixture = new CurationFixture();
        var answer = FileQuestionLogTests.SampleAnswer("How were the regiments rotated?");
        var kept = await fixture.Recorder.RecordAsync(new Question(answer.Question, new QuestionOrigin(ChatPlatform.Slack, "slack:T", "C", "U")), answer, None);
        var voter = fixture.Hasher.Hash("slack", "V");
        await fixture.Feedback.VoteAsync(kept.FeedbackId!, voter, VoteValue.Down, null, None);
        Assert.Single((await fixture.Gaps.FindAsync(7, null, 20, None)).Groups);

        await fixture.Feedback.VoteAsync(kept.FeedbackId!, voter, VoteValue.Up, null, None);

        Assert.Empty((await fixture.Gaps.FindAsync(7, null, 20, None)).Groups);
    }

    private static GapQuestion Gap(string text, DateTimeOffset time) => new(text, GapKind.Unanswered, null, null, time);
}
