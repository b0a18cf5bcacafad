using System.Text.Json.Nodes;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Core.Sources;
using HonchoBot.Slack.Answering;
using HonchoBot.Slack.Moderation;
using HonchoBot.Slack.Rendering;
using HonchoBot.Slack.WebApi;
using Microsoft.Extensions.Options;

namespace HonchoBot.Slack.Commands;

/// <summary>
/// Handles <c>/honcho</c> (docs/platform-protocols.md): the ack (HTTP 200 body or Socket Mode ack payload) is computed
/// here without I/O; answers and library changes run after the ack on the queue and reply via <c>response_url</c>.
/// </summary>
public sealed class SlackCommandHandler(
    SlackAsking asking,
    SlackSourceActions sources,
    SlackBackgroundSender background,
    ISlackApi api,
    IOptionsMonitor<SlackOptions> options)
{
    public SlackAck Handle(SlashCommand command)
    {
        var parsed = HonchoCommandParser.Parse(command.Text);
        if (!options.CurrentValue.IsChannelAllowed(command.ChannelId) && parsed is not HonchoCommand.Help)
        {
            return new SlackAck(Ephemeral(SlackMessage.Plain("I'm not enabled in this channel — ask me in a direct message, or in one of the channels an admin has allowed.")));
        }

        var actor = new SlackActor(command.TeamId, command.UserId, command.UserName, command.ChannelId);
        SlackReplyTarget target = command.ResponseUrl is { Length: > 0 } url
            ? new SlackReplyTarget.ToResponseUrl(command.ChannelId, command.UserId, url)
            : new SlackReplyTarget.InChannel(command.ChannelId, command.UserId);

        switch (parsed)
        {
            case HonchoCommand.Help:
                return new SlackAck(Ephemeral(SlackSourceRenderer.Help()));
            case HonchoCommand.Usage usage:
                return new SlackAck(Ephemeral(SlackMessage.Plain(usage.Problem)));
            case HonchoCommand.Ask or HonchoCommand.Fact:
                var (text, mode) = parsed is HonchoCommand.Fact fact ? (fact.Question, QuestionMode.Fact) : (((HonchoCommand.Ask)parsed).Question, QuestionMode.Ask);
                var question = SlackQuestionMapper.FromCommand(command, text, mode, CorrelationIds.New());

                // in_channel with no text shows the asker's command now; the answer follows via response_url.
                return new SlackAck(new JsonObject { ["response_type"] = "in_channel" }, () => asking.Ask(question, target));
            case HonchoCommand.SourceAdd { Url: null } when command.TriggerId is { Length: > 0 } trigger:
                // trigger_id expires in 3 s and is single-use: open the modal straight after the ack, off the queue.
                var view = SourceAddModal.Build(command.TeamId, command.ChannelId);
                return new SlackAck(AfterAck: () => background.Run(ct => api.OpenViewAsync(trigger, view, ct), "views.open", "modal"));
            case HonchoCommand.SourceAdd { Url: null }:
                return new SlackAck(Ephemeral(SlackMessage.Plain("Usage: `/honcho source add <url>`")));
        }

        SlackSourceAction action = parsed switch
        {
            HonchoCommand.Sources sourcesPage => new SlackSourceAction.List(sourcesPage.Page),
            HonchoCommand.SourceAdd add => new SlackSourceAction.Add(new SourceInput.FromUrl(add.Url!), new SourceMetadata()),
            HonchoCommand.SourceRemove remove => new SlackSourceAction.Remove(remove.SourceId),
            HonchoCommand.SourceHide hide => new SlackSourceAction.Hide(hide.SourceId),
            HonchoCommand.SourceUnhide unhide => new SlackSourceAction.Unhide(unhide.SourceId),
            HonchoCommand.SourceAudit => new SlackSourceAction.Audit(),
            HonchoCommand.Gaps gaps => new SlackSourceAction.Gaps(gaps.Days),
            _ => throw new InvalidOperationException("Unhandled command " + parsed.GetType().Name),
        };
        var ack = action is SlackSourceAction.List ? null : Ephemeral(SlackMessage.Plain(":hourglass_flowing_sand: Working on it…"));
        return new SlackAck(ack, () => sources.Enqueue(action, actor, target));
    }

    private static JsonObject Ephemeral(SlackMessage message) =>
        message.WriteTo(new JsonObject { ["response_type"] = "ephemeral" });
}
