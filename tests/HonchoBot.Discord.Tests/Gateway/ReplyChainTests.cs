using System.Collections.Concurrent;
using HonchoBot.Core.Answers;
using HonchoBot.Discord.Tests.Answering;
using HonchoBot.Discord.Tests.Fakes;
using Moq;

namespace HonchoBot.Discord.Tests.Gateway;

/// <summary>Follow-ups over the gateway: replying to the bot's answer continues the conversation, however long the chain.</summary>
public sealed class ReplyChainTests : IAsyncLifetime
{
    private FakeDiscord _discord = null!;

    public async Task InitializeAsync() => _discord = await FakeDiscord.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    [Fact]
    public async Task A_reply_to_the_bots_answer_is_read_as_a_follow_up_of_the_question_it_answered()
    {
        var asked = new ConcurrentQueue<Question>();
        var answerer = new Mock<IQuestionAnswerer>();
        answerer.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) =>
            {
                asked.Enqueue(q);
                _discord.Changed.Pulse();
                return SampleAnswers.WithDisagreement(q.Text);
            });
        await using var bot = await BotHarness.StartAsync(_discord, answerer: answerer);
        var gateway = _discord.Gateway;
        await gateway.WaitUntilAsync(() => gateway.Connections.Count > 0 && gateway.Current.IsIdentified, "READY");

        var first = Payloads.Message($"<@{FakeDiscord.BotUserId}> How many planes did the Soviet air force lose?", [FakeDiscord.BotUserId]);
        var firstId = first["id"]!.GetValue<string>();
        await gateway.DispatchAsync("MESSAGE_CREATE", first);
        await _discord.Changed.WaitUntilAsync(() => asked.Count == 1, "the first question answered");

        // The person replies to the bot's answer (which replied to the first question), without a mention.
        var second = DiscordConversationTests.Reply("and how many pilots?", repliedTo: "1500000000000000001", repliedToAuthor: FakeDiscord.BotUserId, repliedToReplyTo: firstId);
        var secondId = second["id"]!.GetValue<string>();
        await gateway.DispatchAsync("MESSAGE_CREATE", second);
        await _discord.Changed.WaitUntilAsync(() => asked.Count == 2, "the follow-up answered");

        // And once more, to the bot's answer to the follow-up: still the same conversation.
        var third = DiscordConversationTests.Reply("what about the Chinese?", repliedTo: "1500000000000000002", repliedToAuthor: FakeDiscord.BotUserId, repliedToReplyTo: secondId);
        await gateway.DispatchAsync("MESSAGE_CREATE", third);
        await _discord.Changed.WaitUntilAsync(() => asked.Count == 3, "the second follow-up answered");
        await _discord.WaitForRequestsAsync(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal), count: 3, what: "three replies");

        var questions = asked.ToArray();
        var conversation = $"discord:{Payloads.ChannelId}:{firstId}";
        Assert.All(questions, q => Assert.Equal(conversation, q.Origin.ConversationId));
        Assert.Equal("How many pilots did the Soviet air force lose?", questions[1].Text);
        Assert.Equal("How many pilots did the Chinese air force lose?", questions[2].Text);
        var replies = _discord.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal)).ToList();
        Assert.Equal(second["id"]!.GetValue<string>(), replies[1].Json!["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.Empty(_discord.Violations);
    }
}
