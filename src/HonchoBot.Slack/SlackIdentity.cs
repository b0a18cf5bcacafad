using HonchoBot.Slack.WebApi;

namespace HonchoBot.Slack;

/// <summary>The bot's own ids from <c>auth.test</c>, so its own messages are ignored (docs/platform-protocols.md).</summary>
public sealed class SlackIdentity
{
    private SlackAuthInfo? _info;

    public SlackAuthInfo? Current => Volatile.Read(ref _info);

    internal void Set(SlackAuthInfo info) => Volatile.Write(ref _info, info);
}
