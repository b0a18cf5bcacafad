using HonchoBot.Core.Answers;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Core.Conversations;

/// <summary>
/// Follow-ups for every front end: before a question of a conversation is answered, <see cref="Prepare"/> reads
/// it against the conversation's previous question (<see cref="FollowUpResolver"/>); after, <see cref="Record"/>
/// remembers what it was taken to mean (<see cref="ConversationMemory"/>). A question with no conversation id
/// passes through untouched. The answer keeps the asker's own text as its question.
/// </summary>
public sealed partial class ConversationContext(ConversationMemory memory, ILogger<ConversationContext> logger)
{
    public PreparedQuestion Prepare(Question question)
    {
        if (question.Origin.ConversationId is not { } conversation || QuestionRules.Check(question.Text) is not null)
        {
            return new PreparedQuestion(question, question, null);
        }

        var previous = memory.Recall(conversation) is { Count: > 0 } turns ? turns[^1].Understood : null;
        var resolution = FollowUpResolver.Resolve(question.Text, previous);
        if (resolution.Effective.Length > Question.MaxLength)
        {
            // A long question with the previous one's words added could pass the limit the asker kept to.
            resolution = FollowUpResolution.Standalone(question.Text, "too long to combine with the previous question");
        }

        if (resolution.IsFollowUp)
        {
            // Question text only at Debug (README: logs).
            LogFollowUp(logger, question.Origin.CorrelationId, resolution.Reason, resolution.Effective);
        }

        return new PreparedQuestion(question, question with { Text = resolution.Effective }, resolution);
    }

    /// <summary>
    /// Remembers an answered (or honestly unanswerable) question as the context for the next one, and returns the
    /// answer with the asker's own text as its question. Failures and refusals are not remembered.
    /// </summary>
    public Answer Record(PreparedQuestion prepared, Answer answer)
    {
        if (prepared.Asked.Origin.ConversationId is { } conversation && answer.Status is AnswerStatus.Answered or AnswerStatus.NoAnswer)
        {
            memory.Remember(conversation, prepared.Asked.Text, prepared.Effective.Text);
        }

        return answer with { Question = prepared.Asked.Text };
    }

    /// <summary>
    /// Answers a question read against its conversation and remembers it (<see cref="Prepare"/>, the answerer,
    /// <see cref="Record"/>): the one sequence every front end runs. Returns the answer and how the question was read.
    /// </summary>
    public async Task<(Answer Answer, PreparedQuestion Prepared)> AnswerAsync(IQuestionAnswerer answerer, Question question, CancellationToken cancellationToken)
    {
        var prepared = Prepare(question);
        var answer = await answerer.AnswerAsync(prepared.Effective, cancellationToken);
        return (Record(prepared, answer), prepared);
    }

    /// <summary>Forgets a conversation, so that its next question stands alone.</summary>
    public void Forget(string conversationId) => memory.Forget(conversationId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Follow-up (correlation {CorrelationId}): {Reason}; answering \"{Effective}\"")]
    private static partial void LogFollowUp(ILogger logger, string? correlationId, string reason, string effective);
}
