using System.Net.WebSockets;
using System.Text;

namespace HonchoBot.Core.Net;

/// <summary>
/// Reads one whole message from a WebSocket, frame by frame, up to a cap: the receive loop the Discord gateway and
/// Slack Socket Mode transports share. A close or a failure is a value, not an exception, so each transport
/// decides what it means for its protocol.
/// </summary>
public static class WebSocketMessages
{
    public static async Task<WebSocketMessage> ReceiveAsync(WebSocket socket, Memory<byte> buffer, int maxBytes, CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        while (true)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(buffer, cancellationToken);
            }
            catch (WebSocketException ex)
            {
                return new WebSocketMessage(WebSocketReceiveStatus.Failed, null, false, null, ex.Message);
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new WebSocketMessage(WebSocketReceiveStatus.Closed, null, false, socket.CloseStatus, socket.CloseStatusDescription);
            }

            message.Write(buffer.Span[..result.Count]);
            if (message.Length > maxBytes)
            {
                return new WebSocketMessage(WebSocketReceiveStatus.TooLarge, null, false, null, "message too large");
            }

            if (result.EndOfMessage)
            {
                var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                return new WebSocketMessage(WebSocketReceiveStatus.Message, text, result.MessageType == WebSocketMessageType.Text, null, null);
            }
        }
    }
}
