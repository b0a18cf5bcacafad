using HonchoBot.Core;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Conversations;
using HonchoBot.Core.Curation;
using HonchoBot.Core.Pipeline;
using HonchoBot.Host.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moq;

namespace HonchoBot.Host.Tests.Cli;

/// <summary><c>honcho chat</c> through the real queue and worker: every question ends its wait, whatever happens to it.</summary>
public sealed class ChatSessionTests
{
    [Fact]
    public async Task When_answering_throws_the_asker_gets_error_and_the_conversation_goes_on()
    {
        var answerer = new Mock<IQuestionAnswerer>();
        answerer.Setup(a => a.AnswerAsync(It.Is<Question>(q => q.Text == "first"), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("the index exploded"));
        answerer.Setup(a => a.AnswerAsync(It.Is<Question>(q => q.Text == "second"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Answer.Without("second", AnswerStatus.NoAnswer, "Nothing in my sources answers that."));
        var data = Directory.CreateTempSubdirectory("honcho-chat-session-");
        var (text, provider) = await ChatAsync(answerer.Object, data, "first\nsecond\n\n");
        await using var disposeAtEnd = provider;
        Assert.Contains("Something went wrong answering that (reference ", text, StringComparison.Ordinal);
        Assert.Contains("Nothing in my sources answers that.", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Something went wrong", StringComparison.Ordinal) < text.IndexOf("Nothing in my sources", StringComparison.Ordinal));

        // Both are in the question log, the failure too, with their statuses.
        var logged = await provider.GetRequiredService<IQuestionLog>().ReadSinceAsync(DateTimeOffset.MinValue, CancellationToken.None);
        Assert.Equal([("first", AnswerStatus.Error), ("second", AnswerStatus.NoAnswer)], logged.Select(r => (r.Text, r.Status)));
        data.Delete(recursive: true);
    }

    [Fact]
    public async Task A_follow_up_is_answered_in_context_and_new_forgets_the_context()
    {
        var asked = new List<string>();
        var answerer = new Mock<IQuestionAnswerer>();
        answerer.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) =>
            {
                asked.Add(q.Text);
                return Answer.Without(q.Text, AnswerStatus.NoAnswer, "Nothing in my sources answers that.");
            });
        var data = Directory.CreateTempSubdirectory("honcho-chat-follow-up-");
        var input = "How many tanks did the army lose?\nand how many trucks?\n/new\nand how many trucks?\n\n";
        var (output, provider) = await ChatAsync(answerer.Object, data, input);
        await using var disposeAtEnd = provider;

        Assert.Equal(["How many tanks did the army lose?", "How many trucks did the army lose?", "and how many trucks?"], asked);
        Assert.Contains("(following up: How many trucks did the army lose?)", output, StringComparison.Ordinal);
        Assert.Contains("New conversation: the next question stands on its own.", output, StringComparison.Ordinal);
        data.Delete(recursive: true);
    }

    /// <summary>
    /// Runs <c>honcho chat</c> over <paramref name="input"/> through the real queue, worker, conversation memory and
    /// question log (kept in <paramref name="data"/>); returns what it printed and the services, to look into.
    /// </summary>
    private static async Task<(string Output, ServiceProvider Provider)> ChatAsync(IQuestionAnswerer answerer, DirectoryInfo data, string input)
    {
        var services = new ServiceCollection()
            .AddLogging(l => l.ClearProviders())
            .AddSingleton(TimeProvider.System)
            .AddSingleton(answerer)
            .AddSingleton<QuestionQueue>()
            .AddSingleton<IQuestionQueue>(sp => sp.GetRequiredService<QuestionQueue>())
            .AddSingleton<IHostedService, QuestionWorkerService>()
            .AddSingleton<ConversationMemory>()
            .AddSingleton<ConversationContext>();
        services.AddOptions<QueueOptions>();
        services.AddOptions<ConversationOptions>();
        services.AddHonchoCuration(new ConfigurationBuilder().AddInMemoryCollection([new("Data:Path", data.FullName)]).Build());
        var provider = services.BuildServiceProvider();
        var worker = provider.GetRequiredService<IHostedService>();
        await worker.StartAsync(CancellationToken.None);
        var output = new StringWriter();
        var session = new ChatSession(provider.GetRequiredService<IQuestionQueue>(), provider.GetRequiredService<ConversationContext>(), provider.GetRequiredService<CurationRecorder>(), new StringReader(input), output);
        await session.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)); // a guard against the hang, not a timing
        await worker.StopAsync(CancellationToken.None);
        return (output.ToString(), provider);
    }
}
