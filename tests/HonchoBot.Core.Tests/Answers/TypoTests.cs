using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Tests.Answers;

/// <summary>Chat has typos: a word the library has never seen is matched to its spelling neighbours.</summary>
public sealed class TypoTests(FixtureAnswerer fixture) : IClassFixture<FixtureAnswerer>
{
    [Theory]
    [InlineData("Where were the Sovet pilots burried?", "Liaoning")]
    [InlineData("Which Manchurain air bases did the Soviets use?", "Antung")]
    [InlineData("What does hancho mean in Japanse?", "squad leader")]
    public void Ask_MisspelledWords_StillFindsTheAnswer(string question, string expected)
    {
        var answer = fixture.Ask(question);

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Contains(answer.Citations, c => c.Excerpt.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("How tall is Mount Everest?")]
    [InlineData("Who painted the Mona Lisa?")]
    [InlineData("What is the weather tomorrow in Berlin?")]
    public void Ask_OffTopicWordsNearCorpusWords_StayNoAnswer(string question) =>
        Assert.Equal(AnswerStatus.NoAnswer, fixture.Ask(question).Status);
}
