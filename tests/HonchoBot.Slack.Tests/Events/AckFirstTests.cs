using System.Net;
using HonchoBot.Core.Answers;
using HonchoBot.Slack.Tests.Fakes;
using Moq;
using HonchoBot.Tests.Shared;

namespace HonchoBot.Slack.Tests.Events;

/// <summary>
/// Slack's 3-second deadline (docs/platform-protocols.md) is met by acknowledging before answering: with the answerer
/// stuck, the HTTP response and the Socket Mode ack still arrive, and the answer follows once it is released.
/// </summary>
public sealed class AckFirstTests
{
    private static Mock<IQuestionAnswerer> BlockedAnswerer(TaskCompletionSource release, TaskCompletionSource started)
    {
        var answerer = new Mock<IQuestionAnswerer>(MockBehavior.Strict);
        answerer.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .Returns(async (Question q, CancellationToken _) =>
            {
                started.TrySetResult();
                await release.Task;
                return TestAnswers.MigClaims(q.Text);
            });
        return answerer;
    }

    [Fact]
    public async Task An_HTTP_event_is_acknowledged_while_the_answer_is_still_being_worked_out()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var fake = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(fake, answerer: BlockedAnswerer(release, started));

        var response = await bot.PostSignedAsync("/slack/events",
            SlackPayloads.AppMention("Ev4ACK00001", "<@UBOT0001> How many MiGs?", "1700000040.000100").ToJsonString(), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await started.Task.WaitAsync(Signal.HangGuard);
        Assert.DoesNotContain(fake.Calls, c => c.Method == "chat.postMessage");

        release.SetResult();
        await fake.WaitForMethodAsync("chat.postMessage");
    }

    [Fact]
    public async Task A_Socket_Mode_envelope_is_acked_while_the_answer_is_still_being_worked_out()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var fake = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(fake, socketMode: true, http: false, answerer: BlockedAnswerer(release, started));
        var socket = await fake.WaitForSocketAsync(0);

        var first = await socket.SendEnvelopeAsync("events_api", SlackPayloads.AppMention("Ev4ACK00002", "<@UBOT0001> q1", "1700000041.000100"));
        await socket.WaitForAckAsync(first);
        await started.Task.WaitAsync(Signal.HangGuard);

        // The receive loop is not blocked by the stuck answer: the next envelope is acked too.
        var second = await socket.SendEnvelopeAsync("events_api", SlackPayloads.AppMention("Ev4ACK00003", "<@UBOT0001> q2", "1700000041.000200"));
        await socket.WaitForAckAsync(second);
        Assert.DoesNotContain(fake.Calls, c => c.Method == "chat.postMessage");

        release.SetResult();
        await fake.WaitForMethodAsync("chat.postMessage", c => c.Get("thread_ts") == "1700000041.000200");
        Assert.Empty(fake.Violations);
    }
}
