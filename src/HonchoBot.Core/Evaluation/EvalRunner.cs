using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Evaluation;

/// <summary>Asks every question through the real pipeline and scores the answers.</summary>
public static class EvalRunner
{
    public static async Task<EvalReport> RunAsync(IQuestionAnswerer answerer, IReadOnlyList<EvalQuestion> questions, CancellationToken cancellationToken)
    {
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
