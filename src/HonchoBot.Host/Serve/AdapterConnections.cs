using HonchoBot.Core.Pipeline;
using HonchoBot.Discord;
using HonchoBot.Slack;

namespace HonchoBot.Host.Serve;

/// <summary>Reports the Slack adapter's connection to <c>/readyz</c>.</summary>
internal sealed class SlackConnectionHealth(SlackStatus status) : IConnectionHealth
{
    public string Name => "slack";

    public ConnectionState State => status.Current.State switch
    {
        SlackConnectionState.Connected or SlackConnectionState.Disabled => ConnectionState.Connected,
        SlackConnectionState.Retrying => ConnectionState.Retrying,
        SlackConnectionState.StoppedFatal => ConnectionState.Stopped,
        _ => ConnectionState.Starting,
    };

    public string? Reason => status.Current.Reason;
}

/// <summary>Reports the Discord adapter's gateway to <c>/readyz</c>.</summary>
internal sealed class DiscordConnectionHealth(DiscordHealth health) : IConnectionHealth
{
    public string Name => "discord";

    public ConnectionState State => health.Current.State switch
    {
        DiscordConnectionState.Connected or DiscordConnectionState.HttpOnly or DiscordConnectionState.Disabled => ConnectionState.Connected,
        DiscordConnectionState.Retrying => ConnectionState.Retrying,
        DiscordConnectionState.StoppedFatal => ConnectionState.Stopped,
        _ => ConnectionState.Starting,
    };

    public string? Reason => health.Current.Reason;
}
