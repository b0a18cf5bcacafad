using HonchoBot.Core.Answers;
using HonchoBot.Core.Curation;
using HonchoBot.Core.Pipeline;
using HonchoBot.Host.Output;

namespace HonchoBot.Host.Cli;

/// <summary>
/// The conversation of <c>honcho chat</c>: each line goes through the queue and a worker, like a chat question,
/// and the session waits for its answer. Whatever happens to a question — an answer, a failure, a shutdown —
/// the wait ends and the conversation goes on. Every question is recorded in the question log with its status
/// (<see cref="CurationRecorder"/>), so an unanswered one shows up in <c>honcho gaps</c>.
/// </summary>
internal sealed class ChatSession(IQuestionQueue queue, CurationRecorder curation, TextReader input, TextWriter output)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("Ask about the Soviet air war in Korea. An empty line quits.");
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

            await output.WriteLineAsync(await AskAsync(line, cancellationToken));
            await output.WriteLineAsync();
        }
    }

    /// <summary>The rendered answer, or the status line of a refusal, failure or shutdown.</summary>
    public async Task<string> AskAsync(string line, CancellationToken cancellationToken)
    {
        var correlationId = CorrelationIds.New();
        var done = new TaskCompletionSource<Answer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var work = new QueuedWork(
            ChatPlatform.Console,
            "console question",
            correlationId,
            async (services, token) =>
            {
                var question = new Question(line, new QuestionOrigin(ChatPlatform.Console, CorrelationId: correlationId));
                Answer answer;
                try
                {
                    answer = await services.GetRequiredService<IQuestionAnswerer>().AnswerAsync(question, token);
                }
                catch
                {
                    // The asker hears "error" at once; the worker logs the failure with this reference.
                    done.TrySetResult(Answer.Without(line, AnswerStatus.Error, $"Something went wrong answering that (reference {correlationId})."));
                    await curation.RecordQuestionAsync(question, AnswerStatus.Error, CancellationToken.None);
                    throw;
                }

                done.TrySetResult(await curation.RecordAsync(question, answer, token));
            },
            _ =>
            {
                done.TrySetResult(Answer.Without(line, AnswerStatus.Error, "Shutting down before that question could be answered."));
                return Task.CompletedTask;
            });
        if (!queue.TryEnqueue(work))
        {
            return "Busy, try again in a moment.";
        }

        return AnswerTextRenderer.Render(await done.Task.WaitAsync(cancellationToken));
    }
}
