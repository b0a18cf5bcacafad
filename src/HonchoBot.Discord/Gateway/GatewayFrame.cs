namespace HonchoBot.Discord.Gateway;

/// <summary>A received text message, or the end of the connection with the close code when there was one.</summary>
public sealed record GatewayFrame(string? Text, bool IsClosed, int? CloseCode, string? CloseReason)
{
    public static GatewayFrame Message(string text) => new(text, false, null, null);

    public static GatewayFrame Closed(int? code, string? reason) => new(null, true, code, reason);
}
