using HonchoBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HonchoBot.Slack.Moderation;

/// <summary>
/// Slack moderators are the configured user ids and the members of the configured user groups of the
/// workspace (docs/architecture.md). Checked afresh on every command — group
/// membership is read with <c>usergroups.users.list</c> each time, so a removal takes effect at once.
/// </summary>
public sealed partial class SlackModeratorPolicy(
    IOptionsMonitor<SlackOptions> options,
    ISlackApi api,
    ILogger<SlackModeratorPolicy> logger)
{
    public async Task<bool> IsModeratorAsync(string userId, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        if (current.ModeratorUserIds.Contains(userId, StringComparer.Ordinal))
        {
            return true;
        }

        foreach (var group in current.ModeratorUserGroupIds.Where(g => !string.IsNullOrWhiteSpace(g)))
        {
            try
            {
                var members = await api.GetUserGroupMembersAsync(group, cancellationToken);
                if (members.Contains(userId, StringComparer.Ordinal))
                {
                    return true;
                }
            }
            catch (SlackApiException ex)
            {
                // Failing closed: an unreadable group grants nothing.
                LogGroupLookupFailed(logger, group, ex.Error);
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read Slack user group {UserGroupId}: {Error}; its members are not treated as moderators")]
    private static partial void LogGroupLookupFailed(ILogger logger, string userGroupId, string error);
}
