using System.Text.Json;
using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Tests.Answers;

public sealed class OffTopicAndDeterminismTests(FixtureAnswerer fixture) : IClassFixture<FixtureAnswerer>
{
    public static TheoryData<string> OffTopic => new()
    {
        "What is the best pizza topping?",
        "best pizza topping",
        "Who won the 2018 World Cup?",
        "How do I bake sourdough bread?",
        "What is the capital of Australia?",
        "Who wrote Pride and Prejudice?",
        "How tall is the Eiffel Tower?",
        "Recommend a good laptop for programming",
        "What's the weather in Paris tomorrow?",
        "How do I reset my iPhone password?",
        "Translate 'good morning' into Spanish",
    };

    [Theory]
    [MemberData(nameof(OffTopic))]
    public void AnswerNow_OffTopicQuestion_IsNoAnswerWithAHelpfulMessage(string question)
    {
        var answer = fixture.Ask(question);
        Assert.True(answer.Status == AnswerStatus.NoAnswer, $"'{question}' was {answer.Status}: {string.Join(" | ", answer.Citations.Select(c => c.Excerpt))}");
        Assert.Empty(answer.Citations);
        Assert.False(string.IsNullOrWhiteSpace(answer.Message));
    }

    [Theory]
    [InlineData("How many MiGs did the Sabre pilots claim?")]
    [InlineData("Where were the Soviet pilots buried?")]
    [InlineData("Which air bases in Manchuria were used?")]
    [InlineData("best pizza topping")]
    [InlineData("AND OR NOT (((")]
    public void AnswerNow_SameQuestionTwice_GivesIdenticalJsonApartFromElapsed(string question)
    {
        var first = Json(fixture.Ask(question));
        var second = Json(fixture.Ask(question));
        Assert.Equal(first, second);
    }

    [Fact]
    public void AnswerNow_TwoIndependentlyBuiltIndexes_GiveIdenticalAnswers()
    {
        using var other = new FixtureAnswerer();
        foreach (var question in new[] { "Where were the Soviet pilots buried?", "What aircraft did the North Korean Air Force have?", "Soviet casualties" })
        {
            Assert.Equal(Json(fixture.Ask(question)), Json(other.Ask(question)));
        }
    }

    [Fact]
    public void AnswerNow_OnTopicQuestion_IsAnsweredSoTheOffTopicCheckIsNotVacuous()
    {
        var answer = fixture.Ask("How many MiGs did the Sabre pilots claim?");
        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Contains(answer.Citations, c => c.Excerpt.Contains("792", StringComparison.Ordinal));
    }

    private static string Json(Answer answer) => JsonSerializer.Serialize(answer with { ElapsedMs = 0 }, JsonDefaults.Compact);
}
