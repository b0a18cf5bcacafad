using HonchoBot.Core.Pipeline;

namespace HonchoBot.Discord;

/// <summary>Reports the Discord adapter's gateway to <c>/readyz</c>; registered by <c>AddHonchoDiscord</c> when Discord is enabled.</summary>
internal sealed class DiscordConnectionHealth(DiscordHealth health) : IConnectionHealth
{
    public string Name => ChatPlatform.Discord;

    public ConnectionState State => health.Current.State;

    public string? Reason => health.Current.Reason;
}
