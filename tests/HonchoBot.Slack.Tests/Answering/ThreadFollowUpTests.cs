using System.Collections.Concurrent;
using HonchoBot.Core.Answers;
using HonchoBot.Slack.Tests.Fakes;
using Moq;

namespace HonchoBot.Slack.Tests.Answering;

/// <summary>Follow-ups over the Events API: a mention in the bot's thread is read against the thread's previous question.</summary>
public sealed class ThreadFollowUpTests
{
    [Fact]
    public async Task A_follow_up_in_the_thread_is_answered_in_context_and_a_new_thread_starts_afresh()
    {
        var asked = new ConcurrentQueue<Question>();
        var answerer = new Mock<IQuestionAnswerer>();
        answerer.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) =>
            {
                asked.Enqueue(q);
                return TestAnswers.MigClaims(q.Text);
            });
        await using var fake = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(fake, answerer: answerer);

        await bot.PostSignedAsync("/slack/events", SlackPayloads.AppMention("EvFU0000001", "<@UBOT0001> How many planes did the Soviet air force lose?", "1700000100.000100").ToJsonString(), "application/json");
        await fake.WaitForMethodAsync("chat.postMessage", c => c.Get("thread_ts") == "1700000100.000100");
        await bot.PostSignedAsync("/slack/events", SlackPayloads.AppMention("EvFU0000002", "<@UBOT0001> and how many pilots?", "1700000160.000100", threadTs: "1700000100.000100").ToJsonString(), "application/json");
        await fake.WaitForMethodAsync("chat.postMessage", c => c.Get("thread_ts") == "1700000100.000100" && fake.Calls.Count(x => x.Method == "chat.postMessage") >= 2);
        await bot.PostSignedAsync("/slack/events", SlackPayloads.AppMention("EvFU0000003", "<@UBOT0001> and how many pilots?", "1700000200.000100").ToJsonString(), "application/json");
        await fake.WaitForMethodAsync("chat.postMessage", c => c.Get("thread_ts") == "1700000200.000100");

        var questions = asked.ToArray();
        Assert.Equal(3, questions.Length);
        Assert.Equal("How many pilots did the Soviet air force lose?", questions[1].Text);
        Assert.Equal(questions[0].Origin.ConversationId, questions[1].Origin.ConversationId);
        Assert.Equal("and how many pilots?", questions[2].Text);
        Assert.NotEqual(questions[0].Origin.ConversationId, questions[2].Origin.ConversationId);
        Assert.Empty(fake.Violations);
    }
}
