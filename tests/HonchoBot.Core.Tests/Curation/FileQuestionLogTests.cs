using HonchoBot.Core.Answers;
using HonchoBot.Core.Curation;
using HonchoBot.Core.Pipeline;

namespace HonchoBot.Core.Tests.Curation;

/// <summary>The question log: what it keeps, for how long, and that it never keeps who asked.</summary>
public sealed class FileQuestionLogTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_recorded_question_is_read_back_with_its_status_community_and_time()
    {
        using var fixture = new CurationFixture();
        var asked = new Question("Which airfield did the night fighters use?", new QuestionOrigin(ChatPlatform.Discord, "discord:42", "C1", "U1"));

        await fixture.Recorder.RecordQuestionAsync(asked, AnswerStatus.NoAnswer, None);

        var record = Assert.Single(await fixture.Log.ReadSinceAsync(fixture.Clock.GetUtcNow().AddDays(-1), None));
        Assert.Equal("Which airfield did the night fighters use?", record.Text);
        Assert.Equal(AnswerStatus.NoAnswer, record.Status);
        Assert.Equal("discord:42", record.CommunityId);
        Assert.Equal(fixture.Clock.GetUtcNow(), record.Time);
    }

    [Fact]
    public async Task Neither_the_log_nor_the_feedback_files_contain_user_or_channel_ids()
    {
        using var fixture = new CurationFixture();
        const string userId = "987654321012345678";
        const string voterId = "876543210987654321";
        var origin = new QuestionOrigin(ChatPlatform.Discord, "discord:42", "555555555555555555", userId);
        var answer = SampleAnswer("How were the regiments rotated?");
        var kept = await fixture.Recorder.RecordAsync(new Question(answer.Question, origin), answer, None);
        await fixture.Recorder.RecordQuestionAsync(new Question("Who painted the red noses?", origin), AnswerStatus.NoAnswer, None);
        Assert.NotNull(kept.FeedbackId);
        await fixture.Feedback.VoteAsync(kept.FeedbackId!, fixture.Hasher.Hash(ChatPlatform.Discord, voterId), VoteValue.Down, VoteReason.WrongSource, None);

        var written = fixture.AllWrittenText();
        Assert.Contains("How were the regiments rotated?", written, StringComparison.Ordinal);
        Assert.DoesNotContain(userId, written, StringComparison.Ordinal);
        Assert.DoesNotContain(voterId, written, StringComparison.Ordinal);
        Assert.DoesNotContain("\"userId\"", written, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Days_past_retention_are_deleted_and_no_longer_read()
    {
        using var fixture = new CurationFixture(retentionDays: 3);
        await fixture.Log.RecordAsync(Record(fixture, "an old question about the Yalu"), None);
        var since = fixture.Clock.GetUtcNow().AddDays(-30);

        fixture.Clock.Advance(TimeSpan.FromDays(2));
        await fixture.Log.RecordAsync(Record(fixture, "a newer question about Antung"), None);
        Assert.Equal(2, (await fixture.Log.ReadSinceAsync(since, None)).Count);

        fixture.Clock.Advance(TimeSpan.FromDays(2));
        await fixture.Log.RecordAsync(Record(fixture, "today's question about radar"), None);

        var texts = (await fixture.Log.ReadSinceAsync(since, None)).Select(r => r.Text).ToList();
        Assert.Equal(["a newer question about Antung", "today's question about radar"], texts);
        Assert.Equal(2, Directory.GetFiles(fixture.Log.DirectoryPath, "*.jsonl").Length);
    }

    [Fact]
    public async Task A_day_past_retention_is_not_read_even_before_the_next_append_deletes_it()
    {
        using var fixture = new CurationFixture(retentionDays: 1);
        await fixture.Log.RecordAsync(Record(fixture, "a question from two days ago"), None);
        fixture.Clock.Advance(TimeSpan.FromDays(2));

        Assert.Empty(await fixture.Log.ReadSinceAsync(fixture.Clock.GetUtcNow().AddDays(-10), None));
    }

    [Theory]
    [InlineData(false, 90)]
    [InlineData(true, 0)]
    public async Task Switched_off_nothing_is_written(bool record, int retentionDays)
    {
        using var fixture = new CurationFixture(retentionDays, record);
        var origin = new QuestionOrigin(ChatPlatform.Slack, "slack:T1", "C1", "U1");
        var answer = SampleAnswer("What did the ground controllers see?");

        var kept = await fixture.Recorder.RecordAsync(new Question(answer.Question, origin), answer, None);

        Assert.Null(kept.FeedbackId);
        Assert.Empty(Directory.EnumerateFiles(fixture.DataPath, "*.jsonl", SearchOption.AllDirectories));
        Assert.Empty(await fixture.Log.ReadSinceAsync(DateTimeOffset.MinValue, None));
    }

    [Fact]
    public async Task Appends_from_many_threads_all_land_whole()
    {
        using var fixture = new CurationFixture();
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            fixture.Log.RecordAsync(Record(fixture, $"question number {i} about the Sabre"), None))));

        var texts = (await fixture.Log.ReadSinceAsync(DateTimeOffset.MinValue, None)).Select(r => r.Text).ToHashSet();
        Assert.Equal(200, texts.Count);
    }

    [Fact]
    public async Task A_torn_line_is_skipped_and_the_rest_still_read()
    {
        using var fixture = new CurationFixture();
        await fixture.Log.RecordAsync(Record(fixture, "first whole line"), None);
        var file = Directory.GetFiles(fixture.Log.DirectoryPath).Single();
        await File.AppendAllTextAsync(file, "{\"time\":\"2026-03-10T12:0");
        await File.AppendAllTextAsync(file, "\n");
        await fixture.Log.RecordAsync(Record(fixture, "second whole line"), None);

        var texts = (await fixture.Log.ReadSinceAsync(DateTimeOffset.MinValue, None)).Select(r => r.Text);
        Assert.Equal(["first whole line", "second whole line"], texts);
    }

    private static QuestionRecord Record(CurationFixture fixture, string text) =>
        new(fixture.Clock.GetUtcNow(), text, AnswerStatus.NoAnswer, ChatPlatform.Console, null);

    internal static Answer SampleAnswer(string question) => new(
        question,
        AnswerStatus.Answered,
        null,
        [
            new Citation(1, "made-up-memoir", "A made-up memoir", null, null, null, null, "¶3", "made-up-memoir#3", "The regiments changed over every few months.", null, 1.0),
            new Citation(2, "made-up-history", "A made-up history", null, null, null, null, "¶7", "made-up-history#7", "Whole divisions rotated through the front.", null, 0.8),
        ],
        [],
        12);
}
