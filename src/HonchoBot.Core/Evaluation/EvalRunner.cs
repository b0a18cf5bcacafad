using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Evaluation;

/// <summary>Asks every question through the real pipeline and scores the answers.</summary>
public static class EvalRunner
{
    /// <summary>Questions asked once, unscored, before the timed run.</summary>
    public const int WarmUpQuestions = 3;

    public static async Task<EvalReport> RunAsync(IQuestionAnswerer answerer, IReadOnlyList<EvalQuestion> questions, CancellationToken cancellationToken)
    {
        // Latency is measured on a warm process (as in docs/performance.md): the first questions pay for JIT.
        foreach (var question in questions.Take(WarmUpQuestions))
        {
            try
            {
                await answerer.AnswerAsync(Question.FromCli(question.Q), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Counted below, where every question is asked again and scored.
            }
        }

        var outcomes = new List<EvalOutcome>(questions.Count);
        foreach (var question in questions)
        {
            try
            {
                var answer = await answerer.AnswerAsync(Question.FromCli(question.Q), cancellationToken);
                outcomes.Add(new EvalOutcome(question, answer, EvalReport.HitRank(question, answer), answer.Status == AnswerStatus.Error));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                outcomes.Add(new EvalOutcome(question, Answer.Without(question.Q, AnswerStatus.Error, ex.Message), 0, true));
            }
        }

        return EvalReport.Score(outcomes);
    }
}
