using System.Net.WebSockets;
using HonchoBot.Core.Net;
using System.Text;

namespace HonchoBot.Slack.SocketMode;

/// <summary><see cref="ISocketModeTransport"/> over <see cref="ClientWebSocket"/>.</summary>
public sealed class ClientWebSocketTransport : ISocketModeTransport
{
    public async Task<ISocketModeSocket> ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
            return new Socket(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed class Socket(ClientWebSocket socket) : ISocketModeSocket
    {
        /// <summary>Envelopes are small; a runaway message is a protocol error, not something to buffer.</summary>
        private const int MaxMessageBytes = 4 * 1024 * 1024;

        private readonly SemaphoreSlim _sendLock = new(1, 1);

        public async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
        {
            var read = await WebSocketMessages.ReceiveAsync(socket, new byte[16 * 1024], MaxMessageBytes, cancellationToken);
            switch (read.Status)
            {
                case WebSocketReceiveStatus.Message:
                    // Socket Mode speaks text only; a binary message is no envelope.
                    return read.IsText ? read.Text : string.Empty;
                case WebSocketReceiveStatus.TooLarge:
                    throw new WebSocketException(WebSocketError.Faulted, "Socket Mode message too large");
                case WebSocketReceiveStatus.Closed when socket.State == WebSocketState.CloseReceived:
                    await TryCloseOutputAsync(cancellationToken);
                    return null;
                default:
                    return null;
            }
        }

        public async Task SendAsync(string text, CancellationToken cancellationToken)
        {
            await _sendLock.WaitAsync(cancellationToken);
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
            finally
            {
                _sendLock.Release();
            }
        }

        public Task CloseAsync(CancellationToken cancellationToken) => TryCloseOutputAsync(cancellationToken);

        private async Task TryCloseOutputAsync(CancellationToken cancellationToken)
        {
            if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            {
                return;
            }

            await _sendLock.WaitAsync(cancellationToken);
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cancellationToken);
            }
            catch (WebSocketException)
            {
                // Already gone: nothing to close.
            }
            finally
            {
                _sendLock.Release();
            }
        }

        public ValueTask DisposeAsync()
        {
            socket.Dispose();
            _sendLock.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
