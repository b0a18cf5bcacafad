using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace HonchoBot.Host.Serve.Web;

/// <summary>
/// Asks a web request's question through the one pipeline (<see cref="AskPipeline"/>), so it shares the queue, the
/// rate limits and the statuses with chat: global library only, limited per client address
/// (<see cref="ClientAddress"/>). The request waits for its worker; a client that goes away stops waiting.
/// </summary>
internal sealed class WebAsking(AskPipeline pipeline, ClientAddress clients, IOptions<RateLimitOptions> limits, ILogger<WebAsking> logger)
{
    /// <summary>The <c>q</c> parameter appeared more than once.</summary>
    public const string OneQuestionMessage = "Ask one question at a time: give the q parameter once.";

    /// <summary>The question in <paramref name="context"/>'s <c>q</c> parameter, answered (or refused).</summary>
    public async Task<WebReply> AskAsync(HttpContext context, bool withChart)
    {
        var values = context.Request.Query["q"];
        var text = values.Count == 1 ? values[0] ?? "" : "";
        if (values.Count > 1)
        {
            return Reply(Answer.Without(string.Join("\n", values.ToArray()), AnswerStatus.Invalid, OneQuestionMessage), null);
        }

        var origin = new QuestionOrigin(ChatPlatform.Web, UserId: clients.KeyOf(context));
        var sink = new WebReplySink(text, withChart, logger);
        var outcome = pipeline.Submit(new Question(text, origin), sink);
        if (outcome.Refusal is { } refusal)
        {
            return Reply(refusal, null);
        }

        var (answer, chart) = await sink.Reply.WaitAsync(context.RequestAborted);
        return Reply(answer, chart);
    }

    private WebReply Reply(Answer answer, byte[]? chart) => WebReply.For(answer, chart, limits.Value.PerUserPerMinute);
}
