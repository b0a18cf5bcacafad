using System.Net.WebSockets;
using HonchoBot.Core.Net;

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
        var read = await WebSocketMessages.ReceiveAsync(_socket, _buffer, MaxMessageBytes, cancellationToken);
        return read.Status switch
        {
            WebSocketReceiveStatus.Message => GatewayFrame.Message(read.Text!),
            WebSocketReceiveStatus.Closed => GatewayFrame.Closed((int?)read.CloseStatus, read.Problem),
            _ => GatewayFrame.Closed(null, read.Problem),
        };
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
