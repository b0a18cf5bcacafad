using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Tests.Answers;

/// <summary>
/// The question pipeline with the dense layer on, over the fixture corpus. A hashing embedder stands in for
/// the model (texts sharing words are close), so these prove the plumbing and the rules, not the model.
/// </summary>
public sealed class HybridAnswerTests(HybridFixtureAnswerer fixture) : IClassFixture<HybridFixtureAnswerer>
{
    [Theory]
    [InlineData("How many MiGs did the Sabre pilots claim?", "792")]
    [InlineData("Where were the Soviet pilots buried?", "Liaoning")]
    [InlineData("What did US pilots nickname the skilled MiG-15 pilots?", "honchos")]
    [InlineData("How many planes did Soviet anti aircraft artillery shoot down?", "212")]
    public void Ask_Hybrid_FindsTheAnsweringSentenceInTheTopThree(string question, string expected)
    {
        var answer = fixture.Ask(question);

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Contains(answer.Citations.Take(3), c => c.Excerpt.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Ask_Hybrid_EveryCandidateWasJudgedByMeaning()
    {
        var index = fixture.Index;
        var question = HonchoBot.Core.Corpus.TextNormalizer.Normalize("How many Soviet personnel served in Korea?");
        var semantic = fixture.Semantic;

        var result = new HonchoBot.Core.Retrieval.PassageSearcher(index, semantic).Search(question, HonchoBot.Core.Retrieval.SearchScope.Global, semantic.EmbedQuestion(question));

        Assert.True(result.IsHybrid);
        Assert.All(result.Candidates, c => Assert.NotNull(c.Dense));
        Assert.All(result.Candidates, c => Assert.Equal(c.Sentences.Count, c.Dense!.SentenceCosines.Count));
    }

    [Fact]
    public void Ask_Hybrid_NeverCitesACreditLine()
    {
        var answer = fixture.Ask("How many Soviet personnel served in Korea?");

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.DoesNotContain(answer.Citations, c => c.Excerpt.Trim() is "MI Staff (Korea)" or "Shutterstock");
    }

    [Theory]
    [InlineData("Who was the top Luftwaffe ace of the Second World War?", "Luftwaffe")]
    [InlineData("Pokryshkin’s MiG-15 regiment at Andong", "Pokryshkin")]
    [InlineData("How many MiGs were shot down over Vietnam in 1972?", "Vietnam")]
    public void Ask_AboutNamesTheLibraryNeverMentions_IsNoAnswerThatSaysSo(string question, string name)
    {
        var answer = fixture.Ask(question);

        Assert.Equal(AnswerStatus.NoAnswer, answer.Status);
        Assert.Contains(name, answer.Message!, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_Hybrid_SameQuestionTwice_GivesTheSameAnswer()
    {
        var first = fixture.Ask("Why did both superpowers keep the Soviet air role secret?");
        var second = fixture.Ask("Why did both superpowers keep the Soviet air role secret?");

        Assert.Equal(first.Citations.Select(c => (c.PassageId, c.Excerpt)), second.Citations.Select(c => (c.PassageId, c.Excerpt)));
    }
}
