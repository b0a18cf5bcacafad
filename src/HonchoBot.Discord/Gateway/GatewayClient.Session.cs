using System.Text.Json;
using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Discord.Gateway;

// One gateway connection (docs/platform-protocols.md): Hello → Identify or Resume, then opcodes and dispatches until it ends.
internal sealed partial class GatewayClient
{
    /// <summary>Sent payloads above 4096 bytes close the connection with 4002.</summary>
    private const int MaxSendBytes = 4096;

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
                            health.Set(ConnectionState.Connected);
                            LogReady(logger, BotUserId ?? "?", _options.ShardId, ShardCount);
                        }
                        else if (type == "RESUMED")
                        {
                            wasReady = true;
                            health.Set(ConnectionState.Connected);
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

    private sealed class SessionState
    {
        private volatile bool _isAcked = true;
        private volatile bool _helloSeen;

        public bool IsAcked { get => _isAcked; set => _isAcked = value; }

        public bool HelloSeen { get => _helloSeen; set => _helloSeen = value; }

        public string? EndReason { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway ready as {BotUserId} (shard {ShardId}/{ShardCount})")]
    private static partial void LogReady(ILogger logger, string botUserId, int shardId, int shardCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway resumed at sequence {Sequence}")]
    private static partial void LogResumed(ILogger logger, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: resuming from sequence {Sequence}")]
    private static partial void LogResuming(ILogger logger, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: dispatch {Type} dropped (handler queue full)")]
    private static partial void LogDispatchDropped(ILogger logger, string type);
}
