namespace HonchoBot.Core.Answers;

/// <summary>The one question pipeline every front end calls (CLI, Discord, Slack, console).</summary>
public interface IQuestionAnswerer
{
    /// <summary>
    /// Answers a question. Expected outcomes (no answer, invalid, not ready) come back as a status;
    /// this only throws on cancellation.
    /// </summary>
    Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken);
}
