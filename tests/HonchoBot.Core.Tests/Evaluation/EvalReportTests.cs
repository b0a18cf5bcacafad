using HonchoBot.Core.Answers;
using HonchoBot.Core.Evaluation;
using Moq;

namespace HonchoBot.Core.Tests.Evaluation;

public sealed class EvalReportTests
{
    private static Citation Cite(int n, string excerpt) => new(n, "s", "T", null, null, null, null, "¶1", $"s#{n}", excerpt, null, 1);

    private static Answer Answered(double elapsed, params string[] excerpts) =>
        new("q", AnswerStatus.Answered, null, excerpts.Select((e, i) => Cite(i + 1, e)).ToList(), [], elapsed);

    private static EvalOutcome Outcome(EvalQuestion question, Answer answer) => new(question, answer, EvalReport.HitRank(question, answer), answer.Status == AnswerStatus.Error);

    [Fact]
    public void HitRank_ExpectedTextInSecondCitation_IsTwo() =>
        Assert.Equal(2, EvalReport.HitRank(new EvalQuestion("q", Expect: ["792"]), Answered(1, "nothing", "claimed 792 MiG-15s", "792 again")));

    [Fact]
    public void HitRank_CaseCurlyQuotesAndFullWidth_AreFolded()
    {
        var answer = Answered(1, "Americans called them “Honchos,” and did not get ‘officially’ involved; ＭｉＧ");
        Assert.Equal(1, EvalReport.HitRank(new EvalQuestion("q", Expect: ["\"honchos,\""]), answer));
        Assert.Equal(1, EvalReport.HitRank(new EvalQuestion("q", Expect: ["'officially'"]), answer));
        Assert.Equal(1, EvalReport.HitRank(new EvalQuestion("q", Expect: ["mig"]), answer));
    }

    [Fact]
    public void HitRank_OnlyTheTopThreeCountAndNoneFoundIsZero()
    {
        Assert.Equal(0, EvalReport.HitRank(new EvalQuestion("q", Expect: ["absent"]), Answered(1, "a", "b", "c")));
        Assert.Equal(0, EvalReport.HitRank(new EvalQuestion("q"), Answered(1, "a")));
    }

    [Fact]
    public void Score_MixedOutcomes_GivesHitRatesMrrAndOffTopicAccuracy()
    {
        var outcomes = new List<EvalOutcome>
        {
            Outcome(new EvalQuestion("a", Expect: ["x"]), Answered(1, "x")),
            Outcome(new EvalQuestion("b", Expect: ["y"]), Answered(2, "no", "y")),
            Outcome(new EvalQuestion("c", Expect: ["z"]), Answered(3, "no")),
            Outcome(new EvalQuestion("d", Expect: []), Answered(4, "anything")),
            Outcome(new EvalQuestion("e", OffTopic: true), Answer.Without("e", AnswerStatus.NoAnswer, "m", 5)),
            Outcome(new EvalQuestion("f", OffTopic: true), Answered(6, "oops")),
        };

        var report = EvalReport.Score(outcomes);

        Assert.Equal(1 / 3.0, report.Hit1!.Value, 6);
        Assert.Equal(2 / 3.0, report.Hit3!.Value, 6);
        Assert.Equal((1 + 0.5) / 3, report.Mrr!.Value, 6);
        Assert.Equal(0.5, report.OffTopicAccuracy);
        Assert.Null(report.DisagreePrecision);
        Assert.Null(report.DisagreeRecall);
        Assert.Equal(0, report.Failures);
        Assert.Equal(3, report.P50);
        Assert.Equal(6, report.P99);
        Assert.Contains("disagree precision n/a", report.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public void Score_DisagreementLabels_GivePrecisionAndRecall()
    {
        var flagged = Answered(1, "x") with
        {
            Disagreements = [new Disagreement(DisagreementKind.Conflict, "t", "n", [new DisagreementClaim(1, "s", "1")])],
        };
        var report = EvalReport.Score(
        [
            Outcome(new EvalQuestion("a", Disagree: true), flagged),
            Outcome(new EvalQuestion("b", Disagree: true), Answered(1, "x")),
            Outcome(new EvalQuestion("c", Disagree: false), flagged),
            Outcome(new EvalQuestion("d", Disagree: false), Answered(1, "x")),
        ]);
        Assert.Equal(0.5, report.DisagreePrecision);
        Assert.Equal(0.5, report.DisagreeRecall);
    }

    [Fact]
    public void ReadAll_BadLine_NamesItsNumberAndBlankLinesAreSkipped()
    {
        var good = EvalQuestion.ReadAll(new StringReader("{\"q\":\"a\",\"expect\":[\"x\"],\"offtopic\":false}\n\n{\"q\":\"b\",\"hostile\":true}\n"));
        Assert.Equal(["a", "b"], good.Select(q => q.Q));
        Assert.True(good[1].Hostile);
        var error = Assert.Throws<FormatException>(() => EvalQuestion.ReadAll(new StringReader("{\"q\":\"a\"}\n\n{oops\n")));
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AnswererThatThrows_CountsAFailureAndCarriesOn()
    {
        var answerer = new Mock<IQuestionAnswerer>(MockBehavior.Strict);
        answerer.Setup(a => a.AnswerAsync(It.Is<Question>(q => q.Text == "boom"), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("broken"));
        answerer.Setup(a => a.AnswerAsync(It.Is<Question>(q => q.Text == "fine"), It.IsAny<CancellationToken>())).ReturnsAsync(Answered(1, "x"));

        var report = await EvalRunner.RunAsync(answerer.Object, [new EvalQuestion("boom", Expect: ["x"]), new EvalQuestion("fine", Expect: ["x"])], CancellationToken.None);

        Assert.Equal(1, report.Failures);
        Assert.Equal(0.5, report.Hit3);
        Assert.Equal(AnswerStatus.Error, report.Outcomes[0].Answer.Status);
    }
}
