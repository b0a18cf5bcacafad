using System.Text.Json;
using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Rest;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Discord.Interactions;

/// <summary>
/// <c>POST /discord/interactions</c> (protocols.md 1a): verify the Ed25519 signature over the raw body on
/// every request (PING included) and answer 401 on any failure; PING → PONG; otherwise route and answer
/// inline within the 3-second deadline. Queued work is released only after the response has been sent.
/// </summary>
internal sealed partial class InteractionsEndpoint(
    Ed25519SignatureVerifier verifier,
    InteractionRouter router,
    ILogger<InteractionsEndpoint> logger)
{
    /// <summary>Interaction payloads are small; a bigger body is not one of Discord's.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var read = await RequestBody.ReadAsync(context.Request.Body, context.Request.ContentLength, MaxBodyBytes, cancellationToken);
        if (read.Status == BodyStatus.Malformed)
        {
            LogBrokenRequest(logger, read.Problem ?? "malformed");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var body = read.Status == BodyStatus.Read ? read.Bytes : null;
        var signature = context.Request.Headers["X-Signature-Ed25519"].ToString();
        var timestamp = context.Request.Headers["X-Signature-Timestamp"].ToString();
        if (body is null || !verifier.Verify(signature, timestamp, body))
        {
            LogRejected(logger, context.Connection.RemoteIpAddress?.ToString() ?? "?");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync("invalid request signature", cancellationToken);
            return;
        }

        if (!Interaction.TryParse(body, out var interaction, out var problem))
        {
            LogUnfit(logger, problem ?? "?");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var response = await router.RouteAsync(interaction, acknowledged.Task, cancellationToken);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.Body, response, DiscordJson.Options, cancellationToken);
            await context.Response.CompleteAsync();
            acknowledged.TrySetResult();
        }
        catch (Exception ex)
        {
            acknowledged.TrySetException(ex);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord interaction with an invalid signature from {Remote}: 401")]
    private static partial void LogRejected(ILogger logger, string remote);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Signed interaction that does not fit: 400 ({Problem})")]
    private static partial void LogUnfit(ILogger logger, string problem);

    /// <summary>The client's fault, so Debug and no stack trace: an unauthenticated sender must not fill the logs.</summary>
    [LoggerMessage(Level = LogLevel.Debug, Message = "Broken request to the Discord interactions endpoint: {Problem}")]
    private static partial void LogBrokenRequest(ILogger logger, string problem);
}
