using HonchoBot.Core.Answers;

namespace HonchoBot.Host.Serve.Web;

/// <summary>
/// <c>GET /ask?q=…</c>: the answer as a page, asked like <c>/api/ask</c> (global library, the chat queue, limited per
/// client address) and laid out like the passage pages. Refusals are pages too, with the same HTTP statuses as the
/// API: a rate-limited visitor gets a friendly 429 page with <c>Retry-After</c>. An answer page may be cached for a
/// few minutes (answers change only when the library does); a refusal is never stored.
/// </summary>
internal static class AskPages
{
    public static void MapAskPages(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/ask", async (HttpContext context, WebAsking asking) =>
        {
            var reply = await asking.AskAsync(context, withChart: true);
            AskApi.SetRetryAfter(context, reply);
            context.Response.Headers.CacheControl = reply.StatusCode == StatusCodes.Status200OK && reply.Answer.Status != AnswerStatus.Error
                ? "public, max-age=300"
                : "no-store";
            var title = string.IsNullOrWhiteSpace(reply.Answer.Question) ? "HonchoBot" : reply.Answer.Question.Trim() + " — HonchoBot";
            return PassagePages.HtmlResult(PassagePages.Page(title, AnswerPage.Body(reply.Answer, reply.Chart)), reply.StatusCode);
        });
}
