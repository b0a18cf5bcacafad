using HonchoBot.Core.Pipeline;

namespace HonchoBot.Discord;

/// <summary>Reports the Discord adapter's gateway to <c>/readyz</c>; registered by <c>AddHonchoDiscord</c> when Discord is enabled.</summary>
internal sealed class DiscordConnectionHealth(DiscordHealth health) : IConnectionHealth
{
    public string Name => ChatPlatform.Discord;

    public ConnectionState State => health.Current.State switch
    {
        DiscordConnectionState.Connected or DiscordConnectionState.HttpOnly or DiscordConnectionState.Disabled => ConnectionState.Connected,
        DiscordConnectionState.Retrying => ConnectionState.Retrying,
        DiscordConnectionState.StoppedFatal => ConnectionState.Stopped,
        _ => ConnectionState.Starting,
    };

    public string? Reason => health.Current.Reason;
}
