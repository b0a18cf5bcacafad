using System.Globalization;
using System.Text;
using HonchoBot.Host.Output;

namespace HonchoBot.Host.Serve.Web;

/// <summary>
/// <c>GET /api/ask?q=…</c>: the answer as <c>honcho ask --json</c> prints it (docs/json-contract.md), from the global
/// library, through the chat pipeline. The HTTP status follows the answer's status: 400 <c>invalid</c>, 429
/// <c>rate_limited</c> and 503 <c>busy</c> / <c>not_ready</c> (both with <c>Retry-After</c>), 200 otherwise.
/// </summary>
internal static class AskApi
{
    /// <summary>Registers the web front end's services and validated options.</summary>
    public static IServiceCollection AddHonchoWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>()
            .Bind(configuration.GetSection(WebOptions.Section))
            .Validate(o => o.HasValidProxies(), "Web:TrustedProxies must list IP addresses only.")
            .ValidateOnStart();
        services.AddSingleton<ClientAddress>();
        services.AddSingleton<WebAsking>();
        return services;
    }

    public static void MapAskApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/ask", async (HttpContext context, WebAsking asking) =>
        {
            var reply = await asking.AskAsync(context, withChart: false);
            SetRetryAfter(context, reply);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Content(AnswerJson.Serialize(reply.Answer), "application/json; charset=utf-8", Encoding.UTF8, reply.StatusCode);
        });

    /// <summary>Adds <c>Retry-After</c> (in seconds) when the reply has one.</summary>
    public static void SetRetryAfter(HttpContext context, WebReply reply)
    {
        if (reply.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
    }
}
