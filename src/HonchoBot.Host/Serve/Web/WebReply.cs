using HonchoBot.Core.Answers;

namespace HonchoBot.Host.Serve.Web;

/// <summary>A web question's outcome: the answer, its chart (when asked for and drawable), and how HTTP says it.</summary>
/// <param name="Answer">The answer or refusal, as <c>honcho ask --json</c> would print it.</param>
/// <param name="Chart">The PNG of the first numeric disagreement, or null.</param>
/// <param name="StatusCode">The HTTP status for <paramref name="Answer"/>'s status (docs/json-contract.md).</param>
/// <param name="RetryAfterSeconds">The <c>Retry-After</c> header, for refusals that pass with time.</param>
internal sealed record WebReply(Answer Answer, byte[]? Chart, int StatusCode, int? RetryAfterSeconds)
{
    /// <summary>Seconds to wait after <c>busy</c> or <c>not_ready</c>: long enough for a queue to drain or an index to load.</summary>
    public const int RetryBusySeconds = 5;

    /// <summary>The reply for <paramref name="answer"/>; a rate limit is retried after one token has refilled.</summary>
    public static WebReply For(Answer answer, byte[]? chart, int perUserPerMinute) => answer.Status switch
    {
        AnswerStatus.Invalid => new(answer, null, StatusCodes.Status400BadRequest, null),
        AnswerStatus.RateLimited => new(answer, null, StatusCodes.Status429TooManyRequests, (int)Math.Ceiling(60.0 / perUserPerMinute)),
        AnswerStatus.Busy or AnswerStatus.NotReady => new(answer, null, StatusCodes.Status503ServiceUnavailable, RetryBusySeconds),

        // answered, no_answer, and error: the exchange worked and the status field tells what came of it, as every
        // status of `honcho ask --json` exits 0. An answering failure is never a 500; its message holds the reference.
        _ => new(answer, chart, StatusCodes.Status200OK, null),
    };
}
