using System.Text.Json;

namespace HonchoBot.Discord.Rest;

/// <summary>
/// The outcome of one REST call after retries. <paramref name="StatusCode"/> is 0 when no response was
/// received (network failure); <paramref name="ErrorCode"/> is Discord's JSON error code (e.g. 50013).
/// </summary>
public sealed record DiscordRestResult(int StatusCode, int? ErrorCode, string? ErrorMessage, JsonElement? Body)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
