using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using HonchoBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HonchoBot.Discord.Gateway;

/// <summary>A dispatch (op 0) handed to the adapter: event name and data.</summary>
public sealed record GatewayDispatch(string Type, JsonElement Data);

/// <summary>
/// Gateway v10 session management (protocols.md 1c): Hello → heartbeat after interval × jitter, then
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
    ILogger<GatewayClient> logger)
{
    /// <summary>"Reconnect? no" codes (protocols.md 1c, "Close codes").</summary>
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

    /// <summary>How long a close waits for the server's answer before the socket is aborted.</summary>
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);

    /// <summary>Sent payloads above 4096 bytes close the connection with 4002.</summary>
    private const int MaxSendBytes = 4096;

    private readonly DiscordOptions _options = options.Value;
    private string? _sessionId;
    private string? _resumeUrl;
    private long? _sequence;
    private Uri? _cachedGatewayUrl;
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
                health.Set(DiscordConnectionState.StoppedFatal, end.Reason);
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
            health.Set(DiscordConnectionState.Retrying, end.Reason);
            LogReconnecting(logger, end.Reason, delay.TotalSeconds, _sessionId is not null);
            try
            {
                await Task.Delay(delay, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        health.Set(DiscordConnectionState.Stopped, "shutting down");
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

    private async Task<SessionEnd> RunSessionAsync(IGatewayTransport transport, bool isResume, Func<GatewayDispatch, bool> onDispatch, CancellationToken cancellationToken)
    {
        // Not linked to the host's token: cancelling a pending ClientWebSocket receive aborts the socket and
        // loses the close code. On shutdown the close frame goes out first; the server's echo ends the receive,
        // and only if it never comes is the session cancelled after a grace period.
        using var sessionCts = new CancellationTokenSource();
        using var onShutdown = cancellationToken.Register(() => _ = CloseForShutdownAsync(transport, sessionCts, time));
        var state = new SessionState();
        using var sendLock = new SemaphoreSlim(1, 1);
        var heartbeat = Task.CompletedTask;
        var wasReady = false;
        using var helloTimer = time.CreateTimer(
            _ =>
            {
                if (!state.HelloSeen)
                {
                    state.EndReason = "no Hello from the gateway";
                    sessionCts.Cancel();
                }
            },
            null,
            timings.HelloTimeout,
            Timeout.InfiniteTimeSpan);

        async Task SendAsync(object payload)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, DiscordJson.Options);
            if (bytes.Length > MaxSendBytes)
            {
                throw new InvalidOperationException($"gateway payload of {bytes.Length} bytes exceeds {MaxSendBytes}");
            }

            await sendLock.WaitAsync(sessionCts.Token);
            try
            {
                await transport.SendAsync(bytes, sessionCts.Token);
            }
            finally
            {
                sendLock.Release();
            }
        }

        try
        {
            while (true)
            {
                GatewayFrame frame;
                try
                {
                    frame = await transport.ReceiveAsync(sessionCts.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Zombie connection or no Hello: close with a non-1000 code so the session stays resumable.
                    await CloseQuietlyAsync(transport, 4000, "zombie");
                    return new SessionEnd(state.EndReason ?? "connection stopped", WasReady: wasReady);
                }

                if (frame.IsClosed)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    return state.EndReason is { } ended
                        ? new SessionEnd(ended, WasReady: wasReady)
                        : Classify(frame.CloseCode, frame.CloseReason, wasReady);
                }

                using var document = JsonDocument.Parse(frame.Text!);
                var root = document.RootElement;
                var op = root.TryGetProperty("op", out var opEl) && opEl.TryGetInt32(out var o) ? o : -1;
                var d = root.TryGetProperty("d", out var dEl) ? dEl : default;
                switch (op)
                {
                    case GatewayOpCode.Hello:
                        state.HelloSeen = true;
                        var interval = TimeSpan.FromMilliseconds(d.GetProperty("heartbeat_interval").GetDouble());
                        heartbeat = HeartbeatLoopAsync(transport, interval, state, () => SendAsync(HeartbeatPayload()), sessionCts);
                        if (isResume)
                        {
                            LogResuming(logger, _sequence ?? 0);
                            await SendAsync(new { op = GatewayOpCode.Resume, d = new { token = _options.Token, session_id = _sessionId, seq = _sequence } });
                        }
                        else
                        {
                            _lastIdentify = time.GetUtcNow();
                            await SendAsync(IdentifyPayload());
                        }

                        break;
                    case GatewayOpCode.HeartbeatAck:
                        state.IsAcked = true;
                        break;
                    case GatewayOpCode.Heartbeat:
                        await SendAsync(HeartbeatPayload());
                        break;
                    case GatewayOpCode.Reconnect:
                        await CloseQuietlyAsync(transport, 4000, "reconnect requested");
                        return new SessionEnd("gateway asked to reconnect (op 7)", WasReady: true, Delay: TimeSpan.Zero);
                    case GatewayOpCode.InvalidSession:
                        var resumable = d.ValueKind == JsonValueKind.True;
                        await CloseQuietlyAsync(transport, 4000, "invalid session");
                        return new SessionEnd(
                            resumable ? "invalid session (resumable)" : "invalid session (op 9): identifying again",
                            ShouldClearSession: !resumable,
                            WasReady: wasReady,
                            Delay: InvalidSessionDelay());
                    case GatewayOpCode.Dispatch:
                        if (root.TryGetProperty("s", out var s) && s.TryGetInt64(out var seq))
                        {
                            _sequence = seq;
                        }

                        var type = root.TryGetProperty("t", out var t) ? t.GetString() ?? string.Empty : string.Empty;
                        if (type == "READY")
                        {
                            _sessionId = d.GetProperty("session_id").GetString();
                            _resumeUrl = d.TryGetProperty("resume_gateway_url", out var ru) ? ru.GetString() : null;
                            BotUserId = d.GetProperty("user").GetProperty("id").GetString();
                            wasReady = true;
                            health.Set(DiscordConnectionState.Connected);
                            LogReady(logger, BotUserId ?? "?", _options.ShardId, _options.ShardCount);
                        }
                        else if (type == "RESUMED")
                        {
                            wasReady = true;
                            health.Set(DiscordConnectionState.Connected);
                            LogResumed(logger, _sequence ?? 0);
                        }

                        if (!onDispatch(new GatewayDispatch(type, d.ValueKind == JsonValueKind.Undefined ? default : d.Clone())))
                        {
                            LogDispatchDropped(logger, type);
                        }

                        break;
                }
            }
        }
        finally
        {
            await sessionCts.CancelAsync();
            await heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// First beat after interval × jitter, then every interval. If no ACK arrived since the previous beat,
    /// the connection is a zombie: end the session (closed with 4000 by the receive loop) and resume.
    /// </summary>
    private async Task HeartbeatLoopAsync(IGatewayTransport transport, TimeSpan interval, SessionState state, Func<Task> beat, CancellationTokenSource session)
    {
        try
        {
            await Task.Delay(interval * Random.Shared.NextDouble(), time, session.Token);
            while (true)
            {
                if (!state.IsAcked)
                {
                    state.EndReason = "no heartbeat ACK since the last heartbeat (zombie connection)";
                    LogZombie(logger);

                    // Close with 4000 (not 1000/1001, so the session stays resumable). The pending receive
                    // sees the server's close; a dead server gets a grace period, then the receive is stopped
                    // (cancelling a receive aborts the socket).
                    await SendCloseQuietlyAsync(transport, 4000, "zombie connection");
                    await Task.Delay(CloseGrace, time, session.Token);
                    await session.CancelAsync();
                    return;
                }

                state.IsAcked = false;
                await beat();
                await Task.Delay(interval, time, session.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The session ended.
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            state.EndReason = "heartbeat send failed";
            await session.CancelAsync();
        }
    }

    private object HeartbeatPayload() => new { op = GatewayOpCode.Heartbeat, d = _sequence };

    private object IdentifyPayload() => new
    {
        op = GatewayOpCode.Identify,
        d = new
        {
            token = _options.Token,
            intents = _options.Intents,
            properties = new Dictionary<string, string> { ["os"] = "linux", ["browser"] = "honchobot", ["device"] = "honchobot" },
            shard = new[] { _options.ShardId, _options.ShardCount },
        },
    };

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

    private async Task<(Uri? Url, SessionEnd? Failure)> ResolveGatewayUrlAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(_options.GatewayUrl))
        {
            return (WithGatewayQuery(_options.GatewayUrl), null);
        }

        var result = await rest.GetGatewayBotAsync(cancellationToken);
        if (result.StatusCode == 401)
        {
            return (null, new SessionEnd("GET /gateway/bot answered 401: Discord:Token is wrong or was reset", IsFatal: true));
        }

        if (!result.IsSuccess || result.Body is not { ValueKind: JsonValueKind.Object } body
            || !body.TryGetProperty("url", out var urlEl) || urlEl.GetString() is not { } url)
        {
            return _cachedGatewayUrl is not null
                ? (_cachedGatewayUrl, null)
                : (null, new SessionEnd($"gateway discovery failed ({result.StatusCode})"));
        }

        _cachedGatewayUrl = WithGatewayQuery(url);
        if (body.TryGetProperty("session_start_limit", out var limit)
            && limit.TryGetProperty("remaining", out var remaining) && remaining.GetInt32() == 0
            && limit.TryGetProperty("reset_after", out var resetAfter))
        {
            // 1000 identifies per day; past that Discord resets the token (protocols.md 1c). Wait instead.
            var wait = TimeSpan.FromMilliseconds(resetAfter.GetDouble());
            LogSessionLimit(logger, wait.TotalMinutes);
            health.Set(DiscordConnectionState.Retrying, "daily identify limit reached; waiting for the reset");
            await Task.Delay(wait, time, cancellationToken);
        }

        return (_cachedGatewayUrl, null);
    }

    private async Task WaitForIdentifySlotAsync(CancellationToken cancellationToken)
    {
        var wait = _lastIdentify + timings.IdentifyWindow - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var baseMs = timings.ReconnectBase.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 16));
        var capped = Math.Min(timings.ReconnectCap.TotalMilliseconds, baseMs);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    private TimeSpan InvalidSessionDelay()
    {
        var span = timings.InvalidSessionMax - timings.InvalidSessionMin;
        return timings.InvalidSessionMin + (span * Random.Shared.NextDouble());
    }

    private static Uri WithGatewayQuery(string url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        return builder.Uri;
    }

    /// <summary>Shutdown: a resumable close (4000, not 1000/1001) so the session could be resumed by the next process.</summary>
    private static async Task CloseForShutdownAsync(IGatewayTransport transport, CancellationTokenSource session, TimeProvider time)
    {
        try
        {
            await SendCloseQuietlyAsync(transport, 4000, "shutting down");
            await Task.Delay(CloseGrace, time, session.Token);
            await session.CancelAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The session already ended (the server echoed the close).
        }
    }

    private static async Task SendCloseQuietlyAsync(IGatewayTransport transport, int code, string reason)
    {
        using var timeout = new CancellationTokenSource(CloseGrace);
        try
        {
            await transport.SendCloseAsync(code, reason, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Already gone.
        }
    }

    private static async Task CloseQuietlyAsync(IGatewayTransport transport, int code, string reason)
    {
        using var timeout = new CancellationTokenSource(CloseGrace);
        try
        {
            await transport.CloseAsync(code, reason, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Already gone.
        }
    }

    private sealed class SessionState
    {
        private volatile bool _isAcked = true;
        private volatile bool _helloSeen;

        public bool IsAcked { get => _isAcked; set => _isAcked = value; }

        public bool HelloSeen { get => _helloSeen; set => _helloSeen = value; }

        public string? EndReason { get; set; }
    }

    private sealed record SessionEnd(string Reason, bool IsFatal = false, bool ShouldClearSession = false, bool WasReady = false, TimeSpan? Delay = null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway ready as {BotUserId} (shard {ShardId}/{ShardCount})")]
    private static partial void LogReady(ILogger logger, string botUserId, int shardId, int shardCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway resumed at sequence {Sequence}")]
    private static partial void LogResumed(ILogger logger, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: resuming from sequence {Sequence}")]
    private static partial void LogResuming(ILogger logger, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: {Reason}; reconnecting in {DelaySeconds:0.##} s (resume: {WillResume})")]
    private static partial void LogReconnecting(ILogger logger, string reason, double delaySeconds, bool willResume);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord adapter stopped: {Reason}. Not retrying; fix the configuration and restart.")]
    private static partial void LogFatal(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord gateway session failed")]
    private static partial void LogSessionError(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: no heartbeat ACK; closing the zombie connection to resume")]
    private static partial void LogZombie(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: dispatch {Type} dropped (handler queue full)")]
    private static partial void LogDispatchDropped(ILogger logger, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord daily identify limit reached; waiting {Minutes:0.#} min for the reset")]
    private static partial void LogSessionLimit(ILogger logger, double minutes);
}

/// <summary>Gateway opcodes (protocols.md 1c).</summary>
internal static class GatewayOpCode
{
    public const int Dispatch = 0;
    public const int Heartbeat = 1;
    public const int Identify = 2;
    public const int Resume = 6;
    public const int Reconnect = 7;
    public const int InvalidSession = 9;
    public const int Hello = 10;
    public const int HeartbeatAck = 11;
}
