using HonchoBot.Core.Answers;
using HonchoBot.Slack.Tests.Fakes;
using Moq;

namespace HonchoBot.Slack.Tests.Events;

/// <summary>Tokens, signing secrets, response_urls and Socket Mode tickets never reach the logs (docs/platform-protocols.md).</summary>
public sealed class SecretsInLogsTests
{
    [Fact]
    public async Task A_busy_session_at_trace_level_logs_no_token_secret_ticket_or_response_url()
    {
        var logs = new CapturingLoggerProvider();
        await using var fake = await FakeSlack.StartAsync();
        var answerer = new Mock<IQuestionAnswerer>(MockBehavior.Strict);
        answerer.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) => TestAnswers.MigClaims(q.Text));
        var responseUrl = fake.NewResponseUrl();

        await using (var bot = await SlackBot.StartAsync(fake, socketMode: true, http: true, answerer: answerer, logs: logs))
        {
            var socket = await fake.WaitForSocketAsync(0);
            var id = await socket.SendEnvelopeAsync("events_api", SlackPayloads.AppMention("Ev7LOGS0001", "<@UBOT0001> q", "1700000070.000100"));
            await socket.WaitForAckAsync(id);
            await fake.WaitForMethodAsync("chat.postMessage");

            await bot.PostSignedAsync("/slack/commands", SlackPayloads.Form(SlackPayloads.SlashCommand("ask q", responseUrl)), "application/x-www-form-urlencoded");
            await fake.WaitForMethodAsync("response_url");
            await bot.PostSignedAsync("/slack/events", "{}", "application/json", secret: "wrong");

            // A failing refresh still must not print the ticket URL.
            await socket.SendDisconnectAsync("refresh_requested");
            await fake.WaitForSocketAsync(1);
        }

        Assert.NotEmpty(logs.Lines);
        var all = string.Join("\n", logs.Lines);
        Assert.DoesNotContain(FakeSlack.BotToken, all, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeSlack.AppToken, all, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackBot.SigningSecret, all, StringComparison.Ordinal);
        Assert.DoesNotContain("ticket=", all, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", all, StringComparison.Ordinal);
        Assert.DoesNotContain(responseUrl, all, StringComparison.Ordinal);
    }
}
