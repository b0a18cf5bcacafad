namespace HonchoBot.Core.Sources;

/// <summary>Who asks for a change. The adapter decides <paramref name="IsModerator"/>; the registry re-checks it.</summary>
/// <param name="Platform"><c>cli</c>, <c>discord</c> or <c>slack</c>.</param>
/// <param name="CommunityId"><c>discord:{guild}</c> / <c>slack:{team}</c>; null for the CLI (global library).</param>
public sealed record Requester(
    string Platform,
    string UserId,
    string DisplayName,
    bool IsModerator,
    string? CommunityId = null,
    string? ChannelId = null)
{
    /// <summary>An operator at the shell: a moderator of the global library.</summary>
    public static Requester Cli(string osUser) => new("cli", osUser, osUser, IsModerator: true);
}
