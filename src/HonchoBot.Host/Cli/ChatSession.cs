using HonchoBot.Core.Answers;
using HonchoBot.Core.Conversations;
using HonchoBot.Core.Curation;
using HonchoBot.Core.Pipeline;
using HonchoBot.Host.Output;

namespace HonchoBot.Host.Cli;

/// <summary>
/// The conversation of <c>honcho chat</c>: each line goes through the queue and a worker, like a chat question,
/// and the session waits for its answer. Whatever happens to a question — an answer, a failure, a shutdown —
/// the wait ends and the conversation goes on. The session is one conversation, so a follow-up ("and how many
/// pilots?") is read against the question before it; <c>/new</c> starts a fresh one. Every question is recorded in
/// the question log with its status (<see cref="CurationRecorder"/>), so an unanswered one shows up in <c>honcho gaps</c>.
/// </summary>
internal sealed class ChatSession(IQuestionQueue queue, ConversationContext conversations, CurationRecorder curation, TextReader input, TextWriter output)
{
    /// <summary>The line that forgets the conversation so far.</summary>
    public const string NewConversationCommand = "/new";

    private string _conversationId = NewConversationId();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"Ask about the Soviet air war in Korea. Follow-ups use the previous question; {NewConversationCommand} starts afresh. An empty line quits.");
        var lines = new LineReader(input);
        while (!cancellationToken.IsCancellationRequested)
        {
            await output.WriteAsync("> ");
            await output.FlushAsync(cancellationToken);
            var line = await lines.ReadLineAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(line))
            {
                break;
            }

            if (string.Equals(line.Trim(), NewConversationCommand, StringComparison.OrdinalIgnoreCase))
            {
                conversations.Forget(_conversationId);
                _conversationId = NewConversationId();
                await output.WriteLineAsync("New conversation: the next question stands on its own.");
                await output.WriteLineAsync();
                continue;
            }

            await output.WriteLineAsync(await AskAsync(line, cancellationToken));
            await output.WriteLineAsync();
        }
    }

    /// <summary>The rendered answer, or the status line of a refusal, failure or shutdown.</summary>
    public async Task<string> AskAsync(string line, CancellationToken cancellationToken)
    {
        var correlationId = CorrelationIds.New();
        var question = new Question(line, new QuestionOrigin(ChatPlatform.Console, CorrelationId: correlationId, ConversationId: _conversationId));
        var done = new TaskCompletionSource<(Answer Answer, PreparedQuestion? Prepared)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var work = new QueuedWork(
            ChatPlatform.Console,
            "console question",
            correlationId,
            async (services, token) =>
            {
                (Answer Answer, PreparedQuestion Prepared) answered;
                try
                {
                    answered = await conversations.AnswerAsync(services.GetRequiredService<IQuestionAnswerer>(), question, token);
                }
                catch
                {
                    // Recorded before the asker hears "error", so the log keeps the order questions were asked in; the
                    // worker logs the failure with this reference.
                    await curation.RecordQuestionAsync(question, AnswerStatus.Error, CancellationToken.None);
                    done.TrySetResult((Answer.Without(line, AnswerStatus.Error, $"Something went wrong answering that (reference {correlationId})."), null));
                    throw;
                }

                done.TrySetResult((await curation.RecordAsync(question, answered.Answer, token), answered.Prepared));
            },
            _ =>
            {
                done.TrySetResult((Answer.Without(line, AnswerStatus.Error, "Shutting down before that question could be answered."), null));
                return Task.CompletedTask;
            });
        if (!queue.TryEnqueue(work))
        {
            return "Busy, try again in a moment.";
        }

        var (result, asked) = await done.Task.WaitAsync(cancellationToken);
        var rendered = AnswerTextRenderer.Render(result);
        return asked is { IsRewritten: true } ? $"(following up: {asked.Effective.Text})\n{rendered}" : rendered;
    }

    private static string NewConversationId() => $"{ChatPlatform.Console}:{Guid.NewGuid():N}";
}
