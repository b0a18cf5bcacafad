using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Pipeline;

/// <summary>What the chat rate limits key on (platform + id), and who is exempt (the CLI and console): one rule for every limiter.</summary>
public static class RateLimitKeys
{
    public static bool IsExempt(QuestionOrigin origin) => ChatPlatform.IsLocal(origin.Platform);

    public static (string? User, string? Channel) Of(QuestionOrigin origin) => (
        origin.UserId is null ? null : $"{origin.Platform}:{origin.UserId}",
        origin.ChannelId is null ? null : $"{origin.Platform}:{origin.ChannelId}");
}
