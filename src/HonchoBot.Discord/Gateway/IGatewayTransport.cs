namespace HonchoBot.Discord.Gateway;

/// <summary>
/// One gateway WebSocket connection, behind a small interface so tests can drive it against a fake gateway. Text frames in and
/// out; a close (or a dropped connection) is reported as a <see cref="GatewayFrame"/>, not thrown.
/// </summary>
public interface IGatewayTransport : IAsyncDisposable
{
    Task ConnectAsync(Uri uri, CancellationToken cancellationToken);

    Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken);

    /// <summary>The next whole text message, or a close.</summary>
    Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Closes with <paramref name="code"/> and waits (bounded by the token) for the server's close, so the
    /// code is not lost to an abort; 1000/1001 end the session, anything else keeps it resumable. Only
    /// when no receive is pending.
    /// </summary>
    Task CloseAsync(int code, string reason, CancellationToken cancellationToken);

    /// <summary>Sends the close frame only, while a receive is pending elsewhere (which then sees the server's close).</summary>
    Task SendCloseAsync(int code, string reason, CancellationToken cancellationToken);
}
