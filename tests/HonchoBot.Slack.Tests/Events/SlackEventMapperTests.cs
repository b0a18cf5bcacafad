using System.Text.Json;
using HonchoBot.Slack.Events;

namespace HonchoBot.Slack.Tests.Events;

public sealed class SlackEventMapperTests
{
    private const string Bot = "UBOT0001";

    private static SlackInboundMessage? Map(string json) =>
        SlackEventMapper.Map("T1", JsonSerializer.Deserialize(json, SlackInboundJson.Default.SlackEvent)!, Bot, "BBOT0001");

    [Fact]
    public void Map_AppMention_StripsTheBotMentionAndRepliesInANewThread()
    {
        var message = Map("""{"type":"app_mention","user":"U1","text":"<@UBOT0001> how many MiGs &amp; Sabres?","ts":"1.1","channel":"C1","event_ts":"1.1"}""");

        Assert.NotNull(message);
        Assert.Equal("how many MiGs & Sabres?", message.Text);
        Assert.Equal("1.1", message.ThreadTs);
        Assert.False(message.IsDirect);
    }

    [Fact]
    public void Map_MentionInAThread_RepliesInThatThread() =>
        Assert.Equal("0.9", Map("""{"type":"app_mention","user":"U1","text":"<@UBOT0001> q","ts":"1.1","thread_ts":"0.9","channel":"C1"}""")!.ThreadTs);

    [Fact]
    public void Map_DirectMessage_IsAccepted() =>
        Assert.True(Map("""{"type":"message","channel_type":"im","user":"U1","text":"q","ts":"1.1","channel":"D1"}""")!.IsDirect);

    [Theory]
    [InlineData("""{"type":"message","channel_type":"im","subtype":"bot_message","bot_id":"B9","text":"q","ts":"1.1","channel":"D1"}""")]
    [InlineData("""{"type":"message","channel_type":"im","user":"U1","bot_id":"B9","text":"q","ts":"1.1","channel":"D1"}""")]
    [InlineData("""{"type":"message","channel_type":"im","user":"UBOT0001","text":"q","ts":"1.1","channel":"D1"}""")]
    [InlineData("""{"type":"message","channel_type":"im","subtype":"message_changed","user":"U1","ts":"1.1","channel":"D1"}""")]
    [InlineData("""{"type":"message","channel_type":"im","subtype":"message_deleted","ts":"1.1","channel":"D1"}""")]
    [InlineData("""{"type":"app_mention","user":"U1","text":"<@UBOT0001> q","ts":"1.1","channel":"C1","edited":{"user":"U1","ts":"1.2"}}""")]
    [InlineData("""{"type":"message","channel_type":"channel","user":"U1","text":"q","ts":"1.1","channel":"C1"}""")]
    [InlineData("""{"type":"reaction_added","user":"U1","ts":"1.1","channel":"C1"}""")]
    public void Map_BotsSelfEditsDeletionsAndOtherEvents_AreIgnored(string json) => Assert.Null(Map(json));

    [Fact]
    public void Map_FileShareWithAddSource_IsASourceAddition()
    {
        var message = Map("""{"type":"message","channel_type":"im","subtype":"file_share","user":"U1","text":"Add source please","ts":"1.1","channel":"D1","files":[{"id":"F1"},{"id":"F2"}]}""");

        Assert.NotNull(message);
        Assert.True(message.IsAddSource);
        Assert.Equal(["F1", "F2"], message.FileIds);
    }

    [Theory]
    [InlineData("see <https://example.org/x|example.org/x> and <#C123|general>", "see https://example.org/x and #general")]
    [InlineData("<!here> ping <@U99>", "@here ping @U99")]
    public void ToPlainText_TurnsControlSequencesIntoWords(string text, string expected) =>
        Assert.Equal(expected, SlackEventMapper.ToPlainText(text, Bot));
}
