using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Pipeline;

/// <summary>Per-user and per-channel limits for chat paths (the CLI is exempt), shared by both adapters.</summary>
public interface IChatRateLimiter
{
    /// <summary>Takes one token for the asker and one for the channel; false when either is exhausted.</summary>
    bool TryAcquire(QuestionOrigin origin);
}
