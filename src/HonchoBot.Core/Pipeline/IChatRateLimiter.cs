using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Pipeline;

/// <summary>Per-user and per-channel limits for chat paths (the CLI and console are exempt), shared by both adapters.</summary>
public interface IChatRateLimiter
{
    /// <summary>Takes one token for the asker and one for the channel; false when either is exhausted, and then takes neither.</summary>
    bool TryAcquire(QuestionOrigin origin);

    /// <summary>
    /// Gives back what <see cref="TryAcquire"/> took when the question was not taken on after all (the queue was
    /// full): a "busy" answer must not cost the asker a question.
    /// </summary>
    void Release(QuestionOrigin origin);
}
