using HonchoBot.Core.Sources;
using HonchoBot.Discord.Answering;
using HonchoBot.Discord.Interactions;
using Microsoft.Extensions.Options;

namespace HonchoBot.Discord.Moderation;

/// <summary>
/// Who may manage sources in a guild (docs/architecture.md): members with
/// MANAGE_GUILD (or ADMINISTRATOR, which implies it) or one of <see cref="DiscordOptions.ModeratorRoleIds"/>.
/// Decided from the interaction's own <c>member</c> on every use — never from command visibility,
/// which server owners can override.
/// </summary>
public sealed class ModeratorPolicy(IOptions<DiscordOptions> options)
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageGuild = 1UL << 5;

    public bool IsModerator(Interaction interaction)
    {
        if (interaction.GuildId is null)
        {
            return false; // No community to moderate in a DM.
        }

        if (interaction.MemberPermissions is { } permissions && (permissions & (Administrator | ManageGuild)) != 0)
        {
            return true;
        }

        var roles = options.Value.ModeratorRoleIds;
        return roles.Count > 0 && interaction.MemberRoleIds.Any(roles.Contains);
    }

    /// <summary>The registry's view of the person; the registry re-checks <see cref="Requester.IsModerator"/> and audits.</summary>
    public Requester RequesterFor(Interaction interaction) =>
        new(
            DiscordQuestionMapper.Platform,
            interaction.User.Id,
            interaction.User.DisplayName,
            IsModerator(interaction),
            DiscordQuestionMapper.CommunityOf(interaction.GuildId),
            interaction.ChannelId);
}
