using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Slack.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;

namespace HonchoBot.Slack.Tests.Events;

/// <summary>Rate limits, a full queue and failures each get a short, private note — never silence, never a stack trace.</summary>
public sealed class AskingLimitsTests
{
    private static Task<HttpResponseMessage> MentionAsync(SlackBot bot, string eventId, string ts) =>
        bot.PostSignedAsync("/slack/events", SlackPayloads.AppMention(eventId, "<@UBOT0001> How many MiGs were lost?", ts).ToJsonString(), "application/json");

    [Fact]
    public async Task Asking_too_quickly_gets_a_friendly_private_note()
    {
        await using var fake = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(fake, configure: s => s["RateLimits:PerUserPerMinute"] = "1");
        bot.Answerer.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) => TestAnswers.MigClaims(q.Text));

        await MentionAsync(bot, "Ev3RATE0001", "1700000030.000100");
        await MentionAsync(bot, "Ev3RATE0002", "1700000030.000200");

        var note = await fake.WaitForMethodAsync("chat.postEphemeral");
        Assert.Equal("U0USER01", note.Get("user"));
        Assert.Contains("asking quickly", note.Get("text"), StringComparison.Ordinal);
        await fake.WaitForMethodAsync("chat.postMessage");
        bot.Answerer.Verify(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_full_queue_gets_a_busy_reply()
    {
        var fullQueue = new Mock<IQuestionQueue>();
        fullQueue.Setup(q => q.TryEnqueue(It.IsAny<QueuedWork>())).Returns(false);
        await using var fake = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(fake, services: s => s.Replace(ServiceDescriptor.Singleton(fullQueue.Object)));

        await MentionAsync(bot, "Ev3BUSY0001", "1700000031.000100");

        var note = await fake.WaitForMethodAsync("chat.postEphemeral");
        Assert.Contains("try again", note.Get("text"), StringComparison.Ordinal);
        fullQueue.Verify(q => q.TryEnqueue(It.Is<QueuedWork>(w => w.Description == "slack question")), Times.Once);
        bot.Answerer.Verify(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_busy_refusal_does_not_use_up_the_askers_rate_limit_token()
    {
        var queue = new Mock<IQuestionQueue>();
        var accepts = new Queue<bool>([false, true]);
        queue.Setup(q => q.TryEnqueue(It.IsAny<QueuedWork>())).Returns(() => accepts.Dequeue()).Callback(Eventually.Changes.Pulse);
        await using var fake = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(fake, configure: s => s["RateLimits:PerUserPerMinute"] = "1",
            services: s => s.Replace(ServiceDescriptor.Singleton(queue.Object)));

        await MentionAsync(bot, "Ev3BUSY0002", "1700000031.000200");
        await fake.WaitForMethodAsync("chat.postEphemeral", c => c.Get("text")!.Contains("try again", StringComparison.Ordinal));
        await MentionAsync(bot, "Ev3BUSY0003", "1700000031.000300");

        // The second question reached the queue instead of being refused as "asking quickly".
        await Eventually.TrueAsync(() => queue.Invocations.Count == 2, "the second question to be queued");
        Assert.DoesNotContain(fake.Calls, c => c.Method == "chat.postEphemeral" && c.Get("text")!.Contains("asking quickly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unexpected_failure_gets_a_short_apology_with_a_reference()
    {
        await using var fake = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(fake);
        bot.Answerer.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("index exploded at /secret/path"));

        await MentionAsync(bot, "Ev3FAIL0001", "1700000032.000100");

        var note = await fake.WaitForMethodAsync("chat.postEphemeral");
        Assert.Contains("something went wrong", note.Get("text"), StringComparison.Ordinal);
        Assert.Contains("reference", note.Get("text"), StringComparison.Ordinal);
        Assert.DoesNotContain("/secret/path", note.Get("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bare_mention_gets_a_hint_instead_of_a_search()
    {
        await using var fake = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(fake);

        await bot.PostSignedAsync("/slack/events", SlackPayloads.AppMention("Ev3BARE0001", "<@UBOT0001>  ", "1700000033.000100").ToJsonString(), "application/json");

        var note = await fake.WaitForMethodAsync("chat.postEphemeral");
        Assert.Contains("/honcho help", note.Get("text"), StringComparison.Ordinal);
        bot.Answerer.Verify(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}

/// <summary>The optional channel allow-list (docs/architecture.md).</summary>
public sealed class ChannelAllowListTests
{
    [Fact]
    public async Task Outside_the_allowed_channels_mentions_are_ignored_commands_refused_and_DMs_still_work()
    {
        await using var fake = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(fake, configure: s => s["Slack:AllowedChannelIds:0"] = "C0ALLOWED");
        bot.Answerer.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) => TestAnswers.MigClaims(q.Text));

        await bot.PostSignedAsync("/slack/events", SlackPayloads.AppMention("Ev5ALLOW001", "<@UBOT0001> q", "1700000050.000100", channel: "C0CHAN01").ToJsonString(), "application/json");
        var command = await bot.PostSignedAsync("/slack/commands", SlackPayloads.Form(SlackPayloads.SlashCommand("ask q", fake.NewResponseUrl())), "application/x-www-form-urlencoded");
        Assert.Contains("not enabled in this channel", await command.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await bot.PostSignedAsync("/slack/events", SlackPayloads.AppMention("Ev5ALLOW002", "<@UBOT0001> q", "1700000050.000200", channel: "C0ALLOWED").ToJsonString(), "application/json");
        await bot.PostSignedAsync("/slack/events", SlackPayloads.DirectMessage("Ev5ALLOW003", "q", "1700000050.000300").ToJsonString(), "application/json");

        await fake.WaitForMethodAsync("chat.postMessage", c => c.Get("channel") == "C0ALLOWED");
        await fake.WaitForMethodAsync("chat.postMessage", c => c.Get("channel") == "D0DM0001");
        Assert.DoesNotContain(fake.Calls, c => c.Method == "chat.postMessage" && c.Get("channel") == "C0CHAN01");
        Assert.DoesNotContain(fake.Calls, c => c.Method == "response_url");
        bot.Answerer.Verify(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
