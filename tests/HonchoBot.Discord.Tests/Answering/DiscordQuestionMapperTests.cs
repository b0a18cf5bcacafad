using System.Text.Json;
using HonchoBot.Discord.Answering;
using HonchoBot.Discord.Messages;
using HonchoBot.Discord.Tests.Fakes;

namespace HonchoBot.Discord.Tests.Answering;

public sealed class DiscordQuestionMapperTests
{
    private const string Bot = FakeDiscord.BotUserId;

    private static GatewayMessage Parse(System.Text.Json.Nodes.JsonObject payload)
    {
        Assert.True(GatewayMessage.TryParse(JsonSerializer.SerializeToElement(payload), out var message, out _));
        return message;
    }

    [Theory]
    [InlineData("<@1100000000000000001> how many MiGs?", "how many MiGs?")]
    [InlineData("<@!1100000000000000001>   how   many\nMiGs? ", "how many MiGs?")]
    [InlineData("what about <@1100000000000000001> losses", "what about losses")]
    [InlineData("<@1100000000000000001> ask <@1300000000000000088> too", "ask <@1300000000000000088> too")]
    public void IsAddressedToBot_GuildMention_StripsOnlyTheBotsMention(string content, string expected)
    {
        var message = Parse(Payloads.Message(content, [Bot]));

        Assert.True(DiscordQuestionMapper.IsAddressedToBot(message, Bot, out var text));
        Assert.Equal(expected, text);
    }

    [Fact]
    public void IsAddressedToBot_MentionInContentWithoutMentionsArray_Counts()
    {
        var message = Parse(Payloads.Message("<@1100000000000000001> hi"));

        Assert.True(DiscordQuestionMapper.IsAddressedToBot(message, Bot, out _));
    }

    [Fact]
    public void IsAddressedToBot_GuildMessageWithoutMention_IsIgnored() =>
        Assert.False(DiscordQuestionMapper.IsAddressedToBot(Parse(Payloads.Message("how many MiGs?")), Bot, out _));

    [Fact]
    public void IsAddressedToBot_DirectMessage_NeedsNoMention()
    {
        Assert.True(DiscordQuestionMapper.IsAddressedToBot(Parse(Payloads.Message("how many MiGs?", guildId: null)), Bot, out var text));
        Assert.Equal("how many MiGs?", text);
    }

    [Fact]
    public void IsAddressedToBot_OtherBotsItselfWebhooksAndSystemMessages_AreIgnored()
    {
        var fromBot = Parse(Payloads.Message("<@1100000000000000001> hi", [Bot], authorIsBot: true));
        var fromSelf = Parse(Payloads.Message("<@1100000000000000001> hi", [Bot], authorId: Bot));
        var webhookPayload = Payloads.Message("<@1100000000000000001> hi", [Bot]);
        webhookPayload["webhook_id"] = "1300000000000000123";
        var pinPayload = Payloads.Message("<@1100000000000000001> hi", [Bot]);
        pinPayload["type"] = 6; // CHANNEL_PINNED_MESSAGE

        Assert.False(DiscordQuestionMapper.IsAddressedToBot(fromBot, Bot, out _));
        Assert.False(DiscordQuestionMapper.IsAddressedToBot(fromSelf, Bot, out _));
        Assert.False(DiscordQuestionMapper.IsAddressedToBot(Parse(webhookPayload), Bot, out _));
        Assert.False(DiscordQuestionMapper.IsAddressedToBot(Parse(pinPayload), Bot, out _));
    }

    [Fact]
    public void FromMessage_Guild_SetsOriginForRateLimitsAndCommunity()
    {
        var message = Parse(Payloads.Message("<@1100000000000000001> hi", [Bot]));

        var question = DiscordQuestionMapper.FromMessage(message, "hi", "abc");

        Assert.Equal(new HonchoBot.Core.Answers.QuestionOrigin("discord", "discord:" + Payloads.GuildId, Payloads.ChannelId, Payloads.UserId, "abc"), question.Origin);
    }
}
