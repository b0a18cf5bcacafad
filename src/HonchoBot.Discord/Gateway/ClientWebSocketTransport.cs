using System.Net.WebSockets;
using System.Text;

namespace HonchoBot.Discord.Gateway;

/// <summary><see cref="IGatewayTransport"/> over <see cref="ClientWebSocket"/> (JSON encoding, no compression).</summary>
internal sealed class ClientWebSocketTransport : IGatewayTransport
{
    /// <summary>READY with many guilds can be large; anything beyond this is not a sane gateway message.</summary>
    private const int MaxMessageBytes = 32 * 1024 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _buffer = new byte[64 * 1024];

    public async Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        _socket.Options.KeepAliveInterval = TimeSpan.Zero; // Discord's own heartbeat keeps the connection alive.
        await _socket.ConnectAsync(uri, cancellationToken);
    }

    public Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken) =>
        _socket.SendAsync(utf8Json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).AsTask();

    public async Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        while (true)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(_buffer.AsMemory(), cancellationToken);
            }
            catch (WebSocketException ex)
            {
                return GatewayFrame.Closed(null, ex.Message);
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return GatewayFrame.Closed((int?)_socket.CloseStatus, _socket.CloseStatusDescription);
            }

            message.Write(_buffer, 0, result.Count);
            if (message.Length > MaxMessageBytes)
            {
                return GatewayFrame.Closed(null, "message too large");
            }

            if (result.EndOfMessage)
            {
                return GatewayFrame.Message(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
            }
        }
    }

    public async Task CloseAsync(int code, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await SendCloseAsync(code, reason, cancellationToken);

            // Read until the server's close: aborting right away can make the peer drop the close frame.
            while (_socket.State == WebSocketState.CloseSent)
            {
                var result = await _socket.ReceiveAsync(_buffer.AsMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closing a dead connection: abort below is enough.
        }

        _socket.Abort();
    }

    public async Task SendCloseAsync(int code, string reason, CancellationToken cancellationToken)
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, cancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}

internal sealed class ClientWebSocketTransportFactory : IGatewayTransportFactory
{
    public IGatewayTransport Create() => new ClientWebSocketTransport();
}
