using System.Net.WebSockets;

namespace HonchoBot.Discord.Gateway;

// Closing frames: resumable closes (4000) for shutdown, zombies, op 7 and op 9, each bounded by a grace period.
internal sealed partial class GatewayClient
{
    /// <summary>How long a close waits for the server's answer before the socket is aborted.</summary>
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);

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
}
