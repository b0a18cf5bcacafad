namespace HonchoBot.Core.Pipeline;

/// <summary>An inbound body, or why there is none. <paramref name="Problem"/> is for a Debug line, never for the client.</summary>
public sealed record BodyRead(BodyStatus Status, byte[] Bytes, string? Problem = null);
