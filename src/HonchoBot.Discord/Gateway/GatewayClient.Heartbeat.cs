using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Discord.Gateway;

// Heartbeating and zombie detection (docs/platform-protocols.md).
internal sealed partial class GatewayClient
{
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: no heartbeat ACK; closing the zombie connection to resume")]
    private static partial void LogZombie(ILogger logger);
}
