using HonchoBot.Core.Answers;
using HonchoBot.Core.Conversations;
using HonchoBot.Core.Pipeline;
using HonchoBot.Core.Tests.Answers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HonchoBot.Core.Tests.Conversations;

/// <summary>
/// Follow-ups end to end on the shipped corpus: the real answerer over a real index, with the conversation
/// context in front of it as the pipeline's workers use it.
/// </summary>
public sealed class FollowUpAnsweringTests(FixtureAnswerer fixture) : IClassFixture<FixtureAnswerer>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    public static TheoryData<string, string> StandalonePairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var pair in FollowUpPair.All.Where(p => !p.IsFollowUp))
        {
            data.Add(pair.Previous, pair.Next);
        }

        return data;
    }

    private ConversationContext Context() =>
        new(new ConversationMemory(Options.Create(new ConversationOptions()), _time), NullLogger<ConversationContext>.Instance);

    private static Question InConversation(string text, string conversation) =>
        new(text, new QuestionOrigin(ChatPlatform.Console, ConversationId: conversation));

    private async Task<Answer> AskAsync(ConversationContext context, Question question)
    {
        var prepared = context.Prepare(question);
        var answer = await fixture.Answerer.AnswerAsync(prepared.Effective, CancellationToken.None);
        return context.Record(prepared, answer);
    }

    [Fact]
    public async Task Asking_how_many_pilots_after_the_planes_question_quotes_the_120_pilots_sentence()
    {
        var context = Context();
        await AskAsync(context, InConversation("How many planes did the Soviet air force lose?", "c1"));

        var answer = await AskAsync(context, InConversation("and how many pilots?", "c1"));

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Equal("and how many pilots?", answer.Question);
        Assert.Contains("120 pilots", answer.Citations[0].Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Follow_ups_of_the_set_with_an_expected_quote_get_it()
    {
        var pairs = FollowUpPair.All.Where(p => p.ExpectedAnswerContains is not null).ToList();
        Assert.NotEmpty(pairs);
        foreach (var pair in pairs)
        {
            var context = Context();
            await AskAsync(context, InConversation(pair.Previous, "c"));
            var answer = await AskAsync(context, InConversation(pair.Next, "c"));
            Assert.Contains(answer.Citations, c => c.Excerpt.Contains(pair.ExpectedAnswerContains!, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_same_words_in_another_conversation_or_none_are_not_a_follow_up()
    {
        var context = Context();
        await AskAsync(context, InConversation("How many planes did the Soviet air force lose?", "c1"));

        var elsewhere = context.Prepare(InConversation("and how many pilots?", "c2"));
        var nowhere = context.Prepare(new Question("and how many pilots?", new QuestionOrigin(ChatPlatform.Slack)));

        Assert.False(elsewhere.IsRewritten);
        Assert.False(nowhere.IsRewritten);
        Assert.Null(nowhere.Resolution);
    }

    [Fact]
    public async Task A_conversation_silent_past_its_time_to_live_starts_afresh()
    {
        var context = Context();
        await AskAsync(context, InConversation("How many planes did the Soviet air force lose?", "c1"));
        _time.Advance(new ConversationOptions().TimeToLive);

        Assert.False(context.Prepare(InConversation("and how many pilots?", "c1")).IsRewritten);
    }

    [Theory]
    [MemberData(nameof(StandalonePairs))]
    public async Task A_standalone_second_question_gets_the_answer_it_gets_alone(string previous, string next)
    {
        var context = Context();
        await AskAsync(context, InConversation(previous, "c1"));

        var inConversation = await AskAsync(context, InConversation(next, "c1"));
        var alone = await fixture.Answerer.AnswerAsync(Question.FromCli(next), CancellationToken.None);

        Assert.Equal(alone.Status, inConversation.Status);
        Assert.Equal(alone.Citations.Select(c => (c.PassageId, c.Excerpt)), inConversation.Citations.Select(c => (c.PassageId, c.Excerpt)));
        Assert.Equal(next, inConversation.Question);
    }

    [Fact]
    public async Task A_follow_up_that_would_pass_the_length_limit_with_its_context_is_answered_as_asked()
    {
        var context = Context();
        var first = await AskAsync(context, InConversation("How many planes did the Soviet air force lose " + string.Join(' ', Enumerable.Range(0, 200).Select(i => $"unit{i}")) + "?", "c1"));
        Assert.Equal(AnswerStatus.NoAnswer, first.Status);
        var longFollowUp = "is that true " + string.Join(' ', Enumerable.Repeat("indeed", 270)) + "?";
        Assert.True(longFollowUp.Length <= Question.MaxLength);

        var prepared = context.Prepare(InConversation(longFollowUp, "c1"));

        Assert.False(prepared.IsRewritten);
        Assert.False(prepared.Resolution!.IsFollowUp);
    }

    [Fact]
    public void A_failed_answer_is_not_remembered_as_context()
    {
        var context = Context();
        var prepared = context.Prepare(InConversation("How many planes did the Soviet air force lose?", "c1"));
        context.Record(prepared, Answer.Without(prepared.Asked.Text, AnswerStatus.Error, "boom"));

        Assert.False(context.Prepare(InConversation("and how many pilots?", "c1")).IsRewritten);
    }
}
