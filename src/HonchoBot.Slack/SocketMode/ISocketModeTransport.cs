namespace HonchoBot.Slack.SocketMode;

/// <summary>Opens WebSockets; the seam a library (or a test) can replace.</summary>
public interface ISocketModeTransport
{
    Task<ISocketModeSocket> ConnectAsync(Uri url, CancellationToken cancellationToken);
}
