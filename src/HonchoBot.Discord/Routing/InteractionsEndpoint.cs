using System.Globalization;
using System.Text.Json;
using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Interactions;
using HonchoBot.Discord.Rest;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Discord.Routing;

/// <summary>
/// <c>POST /discord/interactions</c> (docs/platform-protocols.md): verify the Ed25519 signature over the raw body on
/// every request (PING included) and answer 401 on any failure; PING → PONG; otherwise route and answer
/// inline within the 3-second deadline. Queued work is released only after the response has been sent.
/// A captured request cannot be replayed: its timestamp must be within <see cref="MaxClockSkew"/> of now,
/// and an interaction id is accepted once.
/// </summary>
internal sealed partial class InteractionsEndpoint(
    Ed25519SignatureVerifier verifier,
    InteractionRouter router,
    TimeProvider time,
    ILogger<InteractionsEndpoint> logger,
    ISharedReplayGuard? shared = null)
{
    /// <summary>
    /// Discord documents no maximum age for X-Signature-Timestamp; five minutes either way is Slack's rule for
    /// the same header, and ample for a request that must be answered within three seconds.
    /// </summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Interaction payloads are small; a bigger body is not one of Discord's.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Ids are remembered for the whole window a timestamp is accepted in, past and future.</summary>
    private readonly RecentIds _seen = new(time, 2 * MaxClockSkew, capacity: 100_000);

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
            await RefuseAsync(context, "invalid request signature");
            return;
        }

        if (!IsFresh(timestamp))
        {
            await RefuseAsync(context, "stale or malformed timestamp");
            return;
        }

        if (!Interaction.TryParse(body, out var interaction, out var problem))
        {
            LogUnfit(logger, problem ?? "?");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // Postgres mode: the ids are shared, so a replay that reaches another replica is refused there too.
        if (!(shared?.TryMarkNew("discord_interaction", interaction.Id, 2 * MaxClockSkew) ?? _seen.TryMarkNew(interaction.Id)))
        {
            await RefuseAsync(context, "replayed interaction");
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

    /// <summary>A timestamp in whole seconds since the epoch, no further than <see cref="MaxClockSkew"/> from now.</summary>
    private bool IsFresh(string timestamp) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - (double)seconds) <= MaxClockSkew.TotalSeconds;

    private async Task RefuseAsync(HttpContext context, string reason)
    {
        LogRejected(logger, context.Connection.RemoteIpAddress?.ToString() ?? "?", reason);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await context.Response.WriteAsync(reason, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord interaction from {Remote} refused with 401: {Reason}")]
    private static partial void LogRejected(ILogger logger, string remote, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Signed interaction that does not fit: 400 ({Problem})")]
    private static partial void LogUnfit(ILogger logger, string problem);

    /// <summary>The client's fault, so Debug and no stack trace: an unauthenticated sender must not fill the logs.</summary>
    [LoggerMessage(Level = LogLevel.Debug, Message = "Broken request to the Discord interactions endpoint: {Problem}")]
    private static partial void LogBrokenRequest(ILogger logger, string problem);
}
