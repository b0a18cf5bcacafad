using System.Text;
using System.Text.Json.Nodes;
using HonchoBot.Core.Pipeline;
using HonchoBot.Slack.Commands;
using HonchoBot.Slack.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Slack.Http;

/// <summary>
/// <c>POST /slack/events</c>, <c>/slack/commands</c>, <c>/slack/interactivity</c> (docs/platform-protocols.md):
/// read the raw body, verify the v0 signature before any parsing, answer within 3 s, and run the work after
/// the response has been sent.
/// </summary>
internal static partial class SlackHttpEndpoints
{
    /// <summary>Slack payloads are small; anything bigger is not from Slack.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    public static async Task<IResult> EventsAsync(HttpContext context, SlackSignatureVerifier verifier, SlackEventHandler handler, ILogger<SlackEventHandler> logger)
    {
        var (body, refusal) = await ReadVerifiedAsync(context, verifier, logger);
        if (body is null)
        {
            return refusal!;
        }

        // A signed body that does not fit is acknowledged without action, so Slack does not retry it.
        if (!SlackInbound.TryRead(body, SlackInboundJson.Default.SlackEventCallback, logger, out var callback))
        {
            return Results.Ok();
        }

        if (callback.Type == "url_verification")
        {
            return callback.Challenge is { } challenge ? Results.Text(challenge, "text/plain", Encoding.UTF8) : Results.BadRequest();
        }

        if (context.Request.Headers.TryGetValue("X-Slack-Retry-Num", out var retry))
        {
            LogRetry(logger, retry.ToString(), context.Request.Headers["X-Slack-Retry-Reason"].ToString());
        }

        return Acknowledge(context, handler.Handle(callback));
    }

    public static async Task<IResult> CommandsAsync(HttpContext context, SlackSignatureVerifier verifier, SlackCommandHandler handler, ILogger<SlackCommandHandler> logger)
    {
        var (body, refusal) = await ReadVerifiedAsync(context, verifier, logger);
        if (body is null)
        {
            return refusal!;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (form.TryGetValue("ssl_check", out var ssl) && ssl == "1")
        {
            return Results.Ok();
        }

        var command = SlashCommand.FromForm(name => form.TryGetValue(name, out var value) ? value.ToString() : null);
        if (command is null)
        {
            return Results.BadRequest();
        }

        return Acknowledge(context, handler.Handle(command));
    }

    public static async Task<IResult> InteractivityAsync(HttpContext context, SlackSignatureVerifier verifier, SlackInteractivityHandler handler, ILogger<SlackInteractivityHandler> logger)
    {
        var (body, refusal) = await ReadVerifiedAsync(context, verifier, logger);
        if (body is null)
        {
            return refusal!;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var payload))
        {
            return Results.BadRequest();
        }

        return Acknowledge(context, handler.Handle(payload.ToString()));
    }

    /// <summary>The work behind an ack starts only once the response is on its way: Slack retries a request not acknowledged within 3 seconds.</summary>
    private static IResult Acknowledge(HttpContext context, SlackAck ack)
    {
        if (ack.AfterAck is { } after)
        {
            context.Response.OnCompleted(() =>
            {
                after();
                return Task.CompletedTask;
            });
        }

        return ack.Body is JsonObject body
            ? Results.Content(body.ToJsonString(), "application/json", Encoding.UTF8)
            : Results.Ok();
    }

    /// <summary>
    /// Raw body bytes when the signature verifies (Slack's request signing: checked before any parsing); otherwise the
    /// refusal to send: 401 for a bad signature, 413 for an oversized body, 400 for one that cannot be framed.
    /// </summary>
    private static async Task<(byte[]? Body, IResult? Refusal)> ReadVerifiedAsync(HttpContext context, SlackSignatureVerifier verifier, ILogger logger)
    {
        var request = context.Request;
        var read = await RequestBody.ReadAsync(request.Body, request.ContentLength, MaxBodyBytes, context.RequestAborted);
        switch (read.Status)
        {
            case BodyStatus.TooLarge:
                LogBrokenRequest(logger, request.Path, read.Problem ?? "too large");
                return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
            case BodyStatus.Malformed:
                LogBrokenRequest(logger, request.Path, read.Problem ?? "malformed");
                return (null, Results.BadRequest());
        }

        var check = verifier.Verify(request.Headers["X-Slack-Request-Timestamp"], request.Headers["X-Slack-Signature"], read.Bytes);
        if (check != SignatureCheck.Valid)
        {
            LogRejected(logger, request.Path, check.ToString());
            return (null, Results.Unauthorized());
        }

        return (read.Bytes, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a request to {Path}: {Reason}")]
    private static partial void LogRejected(ILogger logger, PathString path, string reason);

    /// <summary>The client's fault, so Debug and no stack trace: an unauthenticated sender must not fill the logs.</summary>
    [LoggerMessage(Level = LogLevel.Debug, Message = "Broken request to {Path}: {Problem}")]
    private static partial void LogBrokenRequest(ILogger logger, PathString path, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack retry {RetryNum} ({RetryReason}); repeats are answered once")]
    private static partial void LogRetry(ILogger logger, string retryNum, string retryReason);
}
