namespace HonchoBot.Slack.SocketMode;

/// <summary>One text-frame WebSocket.</summary>
public interface ISocketModeSocket : IAsyncDisposable
{
    /// <summary>The next whole text message, or null once the peer has closed.</summary>
    Task<string?> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Sends one text message; safe to call from several threads.</summary>
    Task SendAsync(string text, CancellationToken cancellationToken);

    /// <summary>Starts a normal close handshake.</summary>
    Task CloseAsync(CancellationToken cancellationToken);
}
