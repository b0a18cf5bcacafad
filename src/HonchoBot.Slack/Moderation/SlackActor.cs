using HonchoBot.Slack.Answering;

namespace HonchoBot.Slack.Moderation;

/// <summary>Who acts, in which workspace and channel.</summary>
public sealed record SlackActor(string TeamId, string UserId, string DisplayName, string ChannelId)
{
    /// <summary>The workspace's community (docs/architecture.md), in DMs too: sources are managed per workspace.</summary>
    public string CommunityId => SlackQuestionMapper.CommunityOf(TeamId);
}
