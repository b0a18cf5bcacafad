using System.Text.Json;
using HonchoBot.Core.Answers;
using HonchoBot.Slack.Answering;
using HonchoBot.Slack.Commands;
using HonchoBot.Slack.Events;

namespace HonchoBot.Slack.Tests.Answering;

/// <summary>Conversation ids from Slack events shaped as Slack sends them: a conversation is a thread.</summary>
public sealed class SlackConversationTests
{
    private const string Bot = "UBOT0001";

    private static Question FromEvent(string json)
    {
        var message = SlackEventMapper.Map("T1", JsonSerializer.Deserialize(json, SlackInboundJson.Default.SlackEvent)!, Bot, "BBOT0001");
        Assert.NotNull(message);
        return SlackQuestionMapper.FromMessage(message, "corr");
    }

    [Fact]
    public void FromMessage_AMentionThatStartsAThread_IsTheConversationOfThatThread()
    {
        var question = FromEvent("""{"type":"app_mention","user":"U1","text":"<@UBOT0001> How many planes did the Soviet air force lose?","ts":"1700000000.000100","channel":"C1","event_ts":"1700000000.000100"}""");

        Assert.Equal("slack:T1:C1:1700000000.000100", question.Origin.ConversationId);
    }

    [Fact]
    public void FromMessage_AMentionInsideTheThread_JoinsTheSameConversation()
    {
        var question = FromEvent("""{"type":"app_mention","user":"U1","text":"<@UBOT0001> and how many pilots?","ts":"1700000050.000200","thread_ts":"1700000000.000100","channel":"C1","event_ts":"1700000050.000200"}""");

        Assert.Equal("slack:T1:C1:1700000000.000100", question.Origin.ConversationId);
        Assert.Equal("and how many pilots?", question.Text);
    }

    [Fact]
    public void FromMessage_TheSameThreadTsInAnotherChannel_IsAnotherConversation()
    {
        var first = FromEvent("""{"type":"app_mention","user":"U1","text":"<@UBOT0001> q","ts":"1.2","thread_ts":"1.1","channel":"C1"}""");
        var second = FromEvent("""{"type":"app_mention","user":"U1","text":"<@UBOT0001> q","ts":"1.2","thread_ts":"1.1","channel":"C2"}""");

        Assert.NotEqual(first.Origin.ConversationId, second.Origin.ConversationId);
    }

    [Fact]
    public void FromCommand_ASlashCommand_BelongsToNoConversation()
    {
        var fields = new Dictionary<string, string>
        {
            ["team_id"] = "T1",
            ["channel_id"] = "C1",
            ["user_id"] = "U1",
            ["command"] = "/honcho",
            ["text"] = "ask and how many pilots?",
            ["response_url"] = "https://hooks.slack.com/commands/T1/1/x",
        };
        var command = SlashCommand.FromForm(name => fields.GetValueOrDefault(name));
        Assert.NotNull(command);

        var question = SlackQuestionMapper.FromCommand(command, "and how many pilots?", QuestionMode.Ask, "corr");

        Assert.Null(question.Origin.ConversationId);
    }
}
