using System.Globalization;
using HonchoBot.Core.Evaluation;
using HonchoBot.Core.Sources;
using HonchoBot.Core.Tests.TestSupport;

namespace HonchoBot.Core.Tests.Evaluation;

/// <summary>
/// "Sources added later": three documents a moderator might add (Fixtures/added) go in through the
/// registry, then a question set about them and the founding sources (Fixtures/eval/added-sources-questions.jsonl)
/// runs through the real pipeline — retrieval, off-topic detection and disagreement flags with labels.
/// </summary>
public sealed class AddedSourcesEvalTests
{
    [Fact]
    public async Task Questions_about_added_sources_meet_the_retrieval_and_disagreement_bars()
    {
        using var harness = RegistryHarness.Create();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "added"), "*.md").Order(StringComparer.Ordinal))
        {
            var added = await harness.Registry.AddAsync(
                new SourceAddRequest(new SourceInput.FromFile(Path.GetFileName(file), await File.ReadAllBytesAsync(file)), new SourceMetadata()),
                Requester.Cli("tester"),
                CancellationToken.None);
            Assert.True(added.IsDone, added.Message);
        }

        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "eval", "added-sources-questions.jsonl"));
        var report = await EvalRunner.RunAsync(harness.Answerer, EvalQuestion.ReadAll(reader), CancellationToken.None);

        var summary = report.Format() + "\n" + string.Join('\n', report.Outcomes
            .Where(o => o.HitRank != 1 || (o.Question.Disagree is { } d && d != o.Answer.Disagreements.Count > 0))
            .Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Question.Id} hit={o.HitRank} {o.Answer.Status} disagreements={o.Answer.Disagreements.Count} '{o.Question.Q}'")));
        Assert.True(report.Failures == 0, summary);
        Assert.True(report.OffTopicAccuracy == 1.0, summary);
        Assert.True(report.Hit3 >= 0.9, summary);
        Assert.True(report.Mrr >= 0.8, summary);
        Assert.True(report.DisagreePrecision >= 0.9, summary);
        Assert.True(report.DisagreeRecall >= 0.8, summary);
    }
}
