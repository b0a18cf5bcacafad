using System.Globalization;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Evaluation;
using HonchoBot.Core.Tests.Answers;

namespace HonchoBot.Core.Tests.Evaluation;

/// <summary>
/// Retrieval quality on a question set written for these tests (Fixtures/eval/core-questions.jsonl: paraphrases of
/// facts in both sources, off-topic and hostile lines), through the real pipeline on the fixture corpus.
/// </summary>
public sealed class CoreEvalTests(FixtureAnswerer fixture) : IClassFixture<FixtureAnswerer>
{
    private static IReadOnlyList<EvalQuestion> LoadQuestions()
    {
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "eval", "core-questions.jsonl"));
        return EvalQuestion.ReadAll(reader);
    }

    [Fact]
    public void ReadAll_CoreQuestionSet_HasEnoughOfEachKind()
    {
        var questions = LoadQuestions();
        Assert.True(questions.Count(q => q.Expect is { Count: > 0 }) >= 25);
        Assert.True(questions.Count(q => q.OffTopic) >= 5);
        Assert.True(questions.Count(q => q.Hostile) >= 3);
        Assert.Equal(questions.Count, questions.Select(q => q.Id).Distinct().Count());
    }

    [Fact]
    public async Task RunAsync_CoreQuestionSet_MeetsTheRetrievalBars()
    {
        var report = await EvalRunner.RunAsync(fixture.Answerer, LoadQuestions(), CancellationToken.None);

        var misses = report.Outcomes
            .Where(o => o.Question.Expect is { Count: > 0 } && !o.Question.OffTopic && o.HitRank is 0 or > 1)
            .Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Question.Id} hit={o.HitRank} {o.Answer.Status} '{o.Question.Q}' → {string.Join(" | ", o.Answer.Citations.Select(c => c.Excerpt[..Math.Min(80, c.Excerpt.Length)]))}"));
        var summary = report.Format() + "\nnot at rank 1:\n" + string.Join('\n', misses);

        Assert.True(report.Failures == 0, summary);
        Assert.True(report.OffTopicAccuracy == 1.0, summary);
        Assert.True(report.Hit3 >= 0.9, summary);
        Assert.True(report.Mrr >= 0.8, summary);
        Assert.All(report.Outcomes.Where(o => o.Question.Hostile), o => Assert.Contains(o.Answer.Status, new[] { AnswerStatus.Answered, AnswerStatus.NoAnswer }));
    }
}
