using System.Globalization;
using System.Text;
using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Evaluation;

/// <summary>The figures <c>honcho eval</c> prints; a null figure has an empty denominator ("n/a").</summary>
public sealed record EvalReport(
    IReadOnlyList<EvalOutcome> Outcomes,
    double? Hit1,
    double? Hit3,
    double? Mrr,
    double? OffTopicAccuracy,
    double? DisagreePrecision,
    double? DisagreeRecall,
    int Failures,
    double P50,
    double P95,
    double P99)
{
    /// <summary>Scores answers against their questions.</summary>
    public static EvalReport Score(IReadOnlyList<EvalOutcome> outcomes)
    {
        var scored = outcomes.Where(o => o.Question.Expect is { Count: > 0 } && !o.Question.OffTopic).ToList();
        var offTopic = outcomes.Where(o => o.Question.OffTopic).ToList();
        var labelled = outcomes.Where(o => o.Question.Disagree is not null && !o.Failed).ToList();
        var truePositive = labelled.Count(o => o.Question.Disagree == true && o.Answer.Disagreements.Count > 0);
        var flagged = labelled.Count(o => o.Answer.Disagreements.Count > 0);
        var actual = labelled.Count(o => o.Question.Disagree == true);
        var latencies = outcomes.Where(o => !o.Failed).Select(o => o.Answer.ElapsedMs).Order().ToList();

        return new EvalReport(
            outcomes,
            Ratio(scored.Count(o => o.HitRank == 1), scored.Count),
            Ratio(scored.Count(o => o.HitRank is >= 1 and <= 3), scored.Count),
            scored.Count == 0 ? null : scored.Sum(o => o.HitRank > 0 ? 1.0 / o.HitRank : 0) / scored.Count,
            Ratio(offTopic.Count(o => o.Answer.Status == AnswerStatus.NoAnswer), offTopic.Count),
            Ratio(truePositive, flagged),
            Ratio(truePositive, actual),
            outcomes.Count(o => o.Failed),
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.95),
            Percentile(latencies, 0.99));
    }

    /// <summary>The rank (1-based) of the first citation whose excerpt holds an expected substring; 0 when none.</summary>
    public static int HitRank(EvalQuestion question, Answer answer)
    {
        if (question.Expect is not { Count: > 0 } expect)
        {
            return 0;
        }

        var wanted = expect.Select(EvalQuestion.Fold).ToList();
        for (var i = 0; i < answer.Citations.Count; i++)
        {
            var excerpt = EvalQuestion.Fold(answer.Citations[i].Excerpt);
            if (wanted.Exists(w => excerpt.Contains(w, StringComparison.Ordinal)))
            {
                return i + 1;
            }
        }

        return 0;
    }

    public string Format()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"questions          {Outcomes.Count}");
        text.AppendLine(CultureInfo.InvariantCulture, $"hit@1              {Show(Hit1)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"hit@3              {Show(Hit3)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"MRR                {Show(Mrr)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"off-topic accuracy {Show(OffTopicAccuracy)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"disagree precision {Show(DisagreePrecision)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"disagree recall    {Show(DisagreeRecall)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"failures           {Failures}");
        text.Append(CultureInfo.InvariantCulture, $"latency ms         p50 {P50:F2}  p95 {P95:F2}  p99 {P99:F2}");
        return text.ToString();
    }

    private static string Show(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "n/a";

    private static double? Ratio(int numerator, int denominator) => denominator == 0 ? null : numerator / (double)denominator;

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
