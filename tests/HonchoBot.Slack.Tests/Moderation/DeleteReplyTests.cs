using System.Text.Json;
using System.Text.Json.Nodes;
using HonchoBot.Core.Answers;
using HonchoBot.Slack.Tests.Fakes;
using Moq;

namespace HonchoBot.Slack.Tests.Moderation;

/// <summary>The "Delete HonchoBot reply" shortcut: the asker or a moderator, and only the bot's own messages.</summary>
public sealed class DeleteReplyTests : IAsyncLifetime
{
    private FakeSlack _fake = null!;
    private SlackBot _bot = null!;
    private JsonNode _answerBlocks = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSlack.StartAsync();
        _bot = await SlackBot.StartAsync(_fake);
        _bot.Answerer.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) => TestAnswers.MigClaims(q.Text));
        _answerBlocks = await _bot.MentionAndReadAnswerBlocksAsync(_fake, "Ev6DELETE01", "<@UBOT0001> How many MiGs?", "1700000060.000100");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private async Task<RecordedCall> ShortcutAsync(string user, JsonObject message)
    {
        var url = _fake.NewResponseUrl();
        var payload = new JsonObject
        {
            ["type"] = "message_action",
            ["callback_id"] = "honcho_delete",
            ["trigger_id"] = "1.2.3",
            ["team"] = new JsonObject { ["id"] = FakeSlack.TeamId },
            ["channel"] = new JsonObject { ["id"] = "C0CHAN01" },
            ["user"] = new JsonObject { ["id"] = user },
            ["message"] = message,
            ["response_url"] = url,
        };
        var response = await _bot.PostSignedAsync("/slack/interactivity", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded");
        response.EnsureSuccessStatusCode();
        var id = url.Split('/')[^2];
        return await _fake.WaitForMethodAsync("response_url", c => c.Get("response_url_id") == id);
    }

    private JsonObject BotReply() => new()
    {
        ["type"] = "message",
        ["subtype"] = "bot_message",
        ["bot_id"] = FakeSlack.BotId,
        ["ts"] = "1700000060.000200",
        ["thread_ts"] = "1700000060.000100",
        ["blocks"] = _answerBlocks.DeepClone(),
    };

    [Fact]
    public async Task The_asker_can_delete_the_reply()
    {
        var reply = await ShortcutAsync("U0USER01", BotReply());

        Assert.Contains("Deleted", reply.Get("text"), StringComparison.Ordinal);
        var delete = Assert.Single(_fake.Calls, c => c.Method == "chat.delete");
        Assert.Equal("C0CHAN01", delete.Get("channel"));
        Assert.Equal("1700000060.000200", delete.Get("ts"));
    }

    [Fact]
    public async Task Someone_else_is_refused_but_a_moderator_may_delete()
    {
        var refused = await ShortcutAsync("U0STRANGR", BotReply());
        Assert.Contains("Only the person who asked", refused.Get("text"), StringComparison.Ordinal);
        Assert.DoesNotContain(_fake.Calls, c => c.Method == "chat.delete");

        var deleted = await ShortcutAsync(SlackBot.ModeratorUserId, BotReply());
        Assert.Contains("Deleted", deleted.Get("text"), StringComparison.Ordinal);
        Assert.Single(_fake.Calls, c => c.Method == "chat.delete");
    }

    [Fact]
    public async Task A_message_the_bot_did_not_write_is_never_deleted()
    {
        var human = new JsonObject { ["type"] = "message", ["user"] = "U0USER01", ["ts"] = "1700000060.000100", ["text"] = "How many MiGs?" };

        var reply = await ShortcutAsync(SlackBot.ModeratorUserId, human);

        Assert.Contains("only delete my own", reply.Get("text"), StringComparison.Ordinal);
        Assert.DoesNotContain(_fake.Calls, c => c.Method == "chat.delete");
    }
}
