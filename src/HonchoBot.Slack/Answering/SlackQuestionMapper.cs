using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Slack.Commands;
using HonchoBot.Slack.Events;

namespace HonchoBot.Slack.Answering;

/// <summary>
/// Pure translation of what Slack delivered into a <see cref="Question"/>: the one place a Slack question is
/// built. A workspace is the community <c>slack:{team_id}</c>; a direct message searches the global library
/// only, as on Discord (<see cref="QuestionOrigin.CommunityId"/>).
/// </summary>
public static class SlackQuestionMapper
{
    public static string CommunityOf(string teamId) => "slack:" + teamId;

    /// <summary>
    /// A mention or a direct message, after the ignore rules. Its conversation is its thread (the bot answers in
    /// it): <c>slack:{team}:{channel}:{thread_ts}</c>, where a message that starts a thread is its own root.
    /// </summary>
    public static Question FromMessage(SlackInboundMessage message, string correlationId) =>
        new(
            message.Text,
            new QuestionOrigin(
                ChatPlatform.Slack,
                message.IsDirect ? null : CommunityOf(message.TeamId),
                message.Channel,
                message.User,
                correlationId,
                ConversationOf(message)));

    /// <summary>The thread a message belongs to, as a conversation id.</summary>
    public static string ConversationOf(SlackInboundMessage message) => $"slack:{message.TeamId}:{message.Channel}:{message.ThreadTs}";

    /// <summary>
    /// <c>/honcho ask</c> or <c>/honcho fact</c>. Direct-message channel ids start with D. A slash command has no
    /// thread, so it belongs to no conversation and is never read as a follow-up.
    /// </summary>
    public static Question FromCommand(SlashCommand command, string text, QuestionMode mode, string correlationId) =>
        new(
            text,
            new QuestionOrigin(ChatPlatform.Slack, IsDirect(command.ChannelId) ? null : CommunityOf(command.TeamId), command.ChannelId, command.UserId, correlationId),
            mode);

    private static bool IsDirect(string channelId) => channelId.StartsWith('D');
}
