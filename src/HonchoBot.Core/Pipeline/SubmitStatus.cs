namespace HonchoBot.Core.Pipeline;

/// <summary>What <see cref="AskPipeline.Submit"/> did with a question.</summary>
public enum SubmitStatus
{
    /// <summary>Queued: the reply sink will hear the answer (or "shutting down") from a worker.</summary>
    Queued,

    /// <summary>Refused as invalid: no text after trimming.</summary>
    Empty,

    /// <summary>Refused as invalid: longer than <see cref="Answers.Question.MaxLength"/>.</summary>
    TooLong,

    /// <summary>Refused: the asker or the channel is over its limit.</summary>
    RateLimited,

    /// <summary>Refused: the queue is full or closed. The rate-limit token was given back.</summary>
    Busy,
}
