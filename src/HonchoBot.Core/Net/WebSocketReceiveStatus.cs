namespace HonchoBot.Core.Net;

/// <summary>How reading one WebSocket message ended.</summary>
public enum WebSocketReceiveStatus
{
    /// <summary>A whole message arrived.</summary>
    Message,

    /// <summary>The peer sent a close frame.</summary>
    Closed,

    /// <summary>The connection failed mid-read.</summary>
    Failed,

    /// <summary>The message grew past the caller's cap; reading stopped there.</summary>
    TooLarge,
}
