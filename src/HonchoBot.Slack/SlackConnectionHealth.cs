using HonchoBot.Core.Pipeline;

namespace HonchoBot.Slack;

/// <summary>Reports the Slack adapter's connection to <c>/readyz</c>; registered by <c>AddHonchoSlack</c> when Slack is enabled.</summary>
internal sealed class SlackConnectionHealth(SlackStatus status) : IConnectionHealth
{
    public string Name => ChatPlatform.Slack;

    public ConnectionState State => status.Current.State;

    public string? Reason => status.Current.Reason;
}
