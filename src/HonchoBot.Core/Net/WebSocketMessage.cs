using System.Net.WebSockets;

namespace HonchoBot.Core.Net;

/// <summary>One message read by <see cref="WebSocketMessages.ReceiveAsync"/>, or why there is none.</summary>
/// <param name="Text">The message as UTF-8 text (binary messages too); null unless <see cref="Status"/> is Message.</param>
/// <param name="IsText">Whether the sender framed it as text.</param>
/// <param name="CloseStatus">The peer's close code, when it closed.</param>
/// <param name="Problem">The close description or the failure's message, for logs.</param>
public sealed record WebSocketMessage(WebSocketReceiveStatus Status, string? Text, bool IsText, WebSocketCloseStatus? CloseStatus, string? Problem);
