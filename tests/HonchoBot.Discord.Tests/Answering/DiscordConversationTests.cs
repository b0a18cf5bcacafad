using System.Text.Json;
using System.Text.Json.Nodes;
using HonchoBot.Discord.Answering;
using HonchoBot.Discord.Messages;
using HonchoBot.Discord.Tests.Fakes;

namespace HonchoBot.Discord.Tests.Answering;

/// <summary>
/// Conversation ids from MESSAGE_CREATE payloads shaped as Discord sends them: a reply carries
/// <c>message_reference</c> and the replied-to message as <c>referenced_message</c>; a thread message carries
/// its <c>channel_type</c>.
/// </summary>
public sealed class DiscordConversationTests
{
    private const string Bot = FakeDiscord.BotUserId;

    private static GatewayMessage Parse(JsonObject payload)
    {
        Assert.True(GatewayMessage.TryParse(JsonSerializer.SerializeToElement(payload), out var message, out var problem), problem);
        return message;
    }

    /// <summary>A person's reply (type 19) to <paramref name="repliedTo"/>, which itself replied to <paramref name="repliedToReplyTo"/>.</summary>
    public static JsonObject Reply(string content, string repliedTo, string repliedToAuthor, string? repliedToReplyTo)
    {
        var payload = Payloads.Message(content);
        payload["type"] = 19;
        payload["message_reference"] = new JsonObject { ["type"] = 0, ["message_id"] = repliedTo, ["channel_id"] = Payloads.ChannelId, ["guild_id"] = Payloads.GuildId };
        var referenced = new JsonObject
        {
            ["id"] = repliedTo,
            ["channel_id"] = Payloads.ChannelId,
            ["author"] = new JsonObject { ["id"] = repliedToAuthor, ["username"] = "HonchoBot", ["bot"] = repliedToAuthor == Bot },
            ["content"] = string.Empty,
            ["type"] = repliedToReplyTo is null ? 0 : 19,
        };
        if (repliedToReplyTo is not null)
        {
            referenced["message_reference"] = new JsonObject { ["type"] = 0, ["message_id"] = repliedToReplyTo, ["channel_id"] = Payloads.ChannelId };
        }

        payload["referenced_message"] = referenced;
        return payload;
    }

    [Fact]
    public void ConversationOf_AFreshMention_StartsAChainRootedAtItself()
    {
        var message = Parse(Payloads.Message($"<@{Bot}> How many planes did the Soviet air force lose?", [Bot]));

        Assert.Equal($"discord:{Payloads.ChannelId}:{message.Id}", DiscordQuestionMapper.ConversationOf(message, Bot, _ => null));
    }

    [Fact]
    public void ConversationOf_AReplyToTheBotsAnswer_ContinuesTheConversationOfTheQuestionItAnswered()
    {
        var message = Parse(Reply("and how many pilots?", repliedTo: "1400000000000000002", repliedToAuthor: Bot, repliedToReplyTo: "1400000000000000001"));

        Assert.True(DiscordQuestionMapper.IsAddressedToBot(message, Bot, out var text));
        Assert.Equal("and how many pilots?", text);
        Assert.Equal($"discord:{Payloads.ChannelId}:1400000000000000001", DiscordQuestionMapper.ConversationOf(message, Bot, _ => null));
        Assert.Equal(
            "discord:root",
            DiscordQuestionMapper.ConversationOf(message, Bot, id => id == "1400000000000000001" ? "discord:root" : null));
    }

    [Fact]
    public void ConversationOf_AReplyToSomeoneElse_IsNotAddressedAndStartsItsOwnChain()
    {
        var message = Parse(Reply("and how many pilots?", repliedTo: "1400000000000000002", repliedToAuthor: Payloads.UserId, repliedToReplyTo: null));

        Assert.False(DiscordQuestionMapper.IsAddressedToBot(message, Bot, out _));
        Assert.Equal($"discord:{Payloads.ChannelId}:{message.Id}", DiscordQuestionMapper.ConversationOf(message, Bot, _ => "discord:other"));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(10)]
    public void ConversationOf_AMessageInAThread_IsTheThread(int channelType)
    {
        var payload = Payloads.Message($"<@{Bot}> why?", [Bot], channelId: "1400000000000000077");
        payload["channel_type"] = channelType;

        Assert.Equal("discord:1400000000000000077", DiscordQuestionMapper.ConversationOf(Parse(payload), Bot, _ => null));
    }

    [Fact]
    public void FromMessage_CarriesTheConversation_AndASlashCommandHasNone()
    {
        var message = Parse(Payloads.Message($"<@{Bot}> q", [Bot]));

        Assert.Equal("discord:c", DiscordQuestionMapper.FromMessage(message, "q", "corr", "discord:c").Origin.ConversationId);
    }

    [Fact]
    public void TryParse_AReplyWhoseReferencedMessageWasDeleted_StillParses()
    {
        var payload = Reply("and how many pilots?", "1400000000000000002", Bot, "1400000000000000001");
        payload["referenced_message"] = null;

        var message = Parse(payload);

        Assert.Equal("1400000000000000002", message.ReplyTo);
        Assert.Null(message.RepliedToAuthorId);
        Assert.False(DiscordQuestionMapper.IsReplyToBot(message, Bot));
    }
}
