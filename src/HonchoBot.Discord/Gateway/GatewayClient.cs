using HonchoBot.Core.Net;
using HonchoBot.Core.Pipeline;
using HonchoBot.Core.Telemetry;
using System.Globalization;
using System.Net.WebSockets;
using HonchoBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HonchoBot.Discord.Gateway;

/// <summary>
/// Gateway v10 session management (docs/platform-protocols.md): Hello → heartbeat after interval × jitter, then
/// every interval; op 1 → heartbeat now; zombie detection; Identify / Resume; op 7 and op 9; close-code
/// classification with fatal codes stopping for good; capped exponential back-off with jitter; identify
/// concurrency. Dispatches are handed off through a non-blocking callback: the receive loop never
/// awaits answering.
/// </summary>
internal sealed partial class GatewayClient(
    IGatewayTransportFactory transports,
    IDiscordRestClient rest,
    IOptions<DiscordOptions> options,
    GatewayTimings timings,
    DiscordHealth health,
    TimeProvider time,
    ILogger<GatewayClient> logger,
    HonchoMetrics? metrics = null)
{
    // The reconnect policy lives here: close-code classification, back-off and the session fields a resume needs.
    // One connection is in GatewayClient.Session.cs, its heartbeat in .Heartbeat.cs, gateway discovery and identify
    // pacing in .Identify.cs, and closing frames in .Close.cs.

    /// <summary>"Reconnect? no" codes (docs/platform-protocols.md).</summary>
    private static readonly Dictionary<int, string> FatalCloseCodes = new()
    {
        [4004] = "authentication failed (4004): Discord:Token is wrong or was reset",
        [4010] = "invalid shard (4010): check Discord:ShardId and Discord:ShardCount",
        [4011] = "sharding required (4011): set Discord:ShardCount",
        [4012] = "invalid API version (4012)",
        [4013] = "invalid intents (4013): check Discord:Intents",
        [4014] = "disallowed intents (4014): enable the privileged intent in the Developer Portal or remove it from Discord:Intents",
    };

    /// <summary>Reconnect, but start a new session (4007 invalid seq, 4009 session timed out).</summary>
    private static readonly int[] NewSessionCloseCodes = [4007, 4009];

    private readonly DiscordOptions _options = options.Value;
    private string? _sessionId;
    private string? _resumeUrl;
    private long? _sequence;
    private Uri? _cachedGatewayUrl;
    private int? _recommendedShards;
    private DateTimeOffset _lastIdentify = DateTimeOffset.MinValue;

    /// <summary>The bot's own user id from READY: used to spot mentions and skip its own messages.</summary>
    public string? BotUserId { get; private set; }

    public async Task RunAsync(Func<GatewayDispatch, bool> onDispatch, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            SessionEnd end;
            try
            {
                end = await ConnectOnceAsync(onDispatch, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException or ObjectDisposedException)
            {
                end = new SessionEnd($"connection failed: {ex.Message}");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A malformed payload or any other surprise ends this connection, never the adapter
                // (an exception escaping a BackgroundService stops the whole host).
                LogSessionError(logger, ex);
                end = new SessionEnd($"gateway protocol error ({ex.GetType().Name})");
            }

            if (end.IsFatal)
            {
                LogFatal(logger, end.Reason);
                health.Set(ConnectionState.StoppedFatal, end.Reason);
                return;
            }

            if (end.ShouldClearSession)
            {
                _sessionId = null;
                _resumeUrl = null;
                _sequence = null;
            }

            failures = end.WasReady ? 0 : failures + 1;
            var delay = end.Delay ?? Backoff(failures);
            health.Set(ConnectionState.Retrying, end.Reason);
            LogReconnecting(logger, end.Reason, delay.TotalSeconds, _sessionId is not null);
            metrics?.RecordReconnect("discord-gateway");
            try
            {
                await Task.Delay(delay, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        health.Set(ConnectionState.Stopped, "shutting down");
    }

    private async Task<SessionEnd> ConnectOnceAsync(Func<GatewayDispatch, bool> onDispatch, CancellationToken cancellationToken)
    {
        var isResume = _sessionId is not null && _resumeUrl is not null && _sequence is not null;
        Uri url;
        if (isResume)
        {
            url = WithGatewayQuery(_resumeUrl!);
        }
        else
        {
            var (resolved, failure) = await ResolveGatewayUrlAsync(cancellationToken);
            if (resolved is null)
            {
                return failure!;
            }

            url = resolved;
            await WaitForIdentifySlotAsync(cancellationToken);
        }

        await using var transport = transports.Create();
        await transport.ConnectAsync(url, cancellationToken);
        return await RunSessionAsync(transport, isResume, onDispatch, cancellationToken);
    }

    private SessionEnd Classify(int? code, string? reason, bool wasReady)
    {
        if (code is { } c && FatalCloseCodes.TryGetValue(c, out var fatal))
        {
            return new SessionEnd(fatal, IsFatal: true);
        }

        if (code is { } n && NewSessionCloseCodes.Contains(n))
        {
            return new SessionEnd($"closed with {n}: starting a new session", ShouldClearSession: true, WasReady: wasReady);
        }

        var text = code is null ? "connection dropped" : string.Create(CultureInfo.InvariantCulture, $"closed with {code} {reason}");
        return new SessionEnd(text, WasReady: wasReady);
    }

    private TimeSpan Backoff(int failures) =>
        new Backoff(timings.ReconnectBase, timings.ReconnectCap, Random.Shared.NextDouble).For(failures);

    private TimeSpan InvalidSessionDelay()
    {
        var span = timings.InvalidSessionMax - timings.InvalidSessionMin;
        return timings.InvalidSessionMin + (span * Random.Shared.NextDouble());
    }

    private sealed record SessionEnd(string Reason, bool IsFatal = false, bool ShouldClearSession = false, bool WasReady = false, TimeSpan? Delay = null);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: {Reason}; reconnecting in {DelaySeconds:0.##} s (resume: {WillResume})")]
    private static partial void LogReconnecting(ILogger logger, string reason, double delaySeconds, bool willResume);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord adapter stopped: {Reason}. Not retrying; fix the configuration and restart.")]
    private static partial void LogFatal(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord gateway session failed")]
    private static partial void LogSessionError(ILogger logger, Exception exception);
}
