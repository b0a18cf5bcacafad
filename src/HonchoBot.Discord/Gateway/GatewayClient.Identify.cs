using System.Text.Json;
using HonchoBot.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Discord.Gateway;

// Gateway discovery (GET /gateway/bot), the daily session start limit and identify pacing (docs/platform-protocols.md).
internal sealed partial class GatewayClient
{
    /// <summary>Discord:ShardCount, else the count <c>GET /gateway/bot</c> recommended, else 1 (a configured gateway URL skips discovery).</summary>
    private int ShardCount => _options.ShardCount ?? _recommendedShards ?? 1;

    private object IdentifyPayload() => new
    {
        op = GatewayOpCode.Identify,
        d = new
        {
            token = _options.Token,
            intents = _options.Intents,
            properties = new Dictionary<string, string> { ["os"] = "linux", ["browser"] = "honchobot", ["device"] = "honchobot" },
            shard = new[] { _options.ShardId, ShardCount },
        },
    };

    private async Task<(Uri? Url, SessionEnd? Failure)> ResolveGatewayUrlAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(_options.GatewayUrl))
        {
            return (WithGatewayQuery(_options.GatewayUrl), null);
        }

        var result = await rest.GetGatewayBotAsync(cancellationToken);
        if (result.StatusCode == 401)
        {
            return (null, new SessionEnd("GET /gateway/bot answered 401: Discord:Token is wrong or was reset", IsFatal: true));
        }

        if (!result.IsSuccess || result.Body is not { ValueKind: JsonValueKind.Object } body
            || !body.TryGetProperty("url", out var urlEl) || urlEl.GetString() is not { } url)
        {
            return _cachedGatewayUrl is not null
                ? (_cachedGatewayUrl, null)
                : (null, new SessionEnd($"gateway discovery failed ({result.StatusCode})"));
        }

        _cachedGatewayUrl = WithGatewayQuery(url);
        if (body.TryGetProperty("shards", out var shards) && shards.ValueKind == JsonValueKind.Number && shards.TryGetInt32(out var recommended) && recommended >= 1)
        {
            _recommendedShards = recommended;
        }

        if (body.TryGetProperty("session_start_limit", out var limit)
            && limit.TryGetProperty("remaining", out var remaining) && remaining.GetInt32() == 0
            && limit.TryGetProperty("reset_after", out var resetAfter))
        {
            // 1000 identifies per day; past that Discord resets the token (docs/platform-protocols.md). Wait instead.
            var wait = TimeSpan.FromMilliseconds(resetAfter.GetDouble());
            LogSessionLimit(logger, wait.TotalMinutes);
            health.Set(ConnectionState.Retrying, "daily identify limit reached; waiting for the reset");
            await Task.Delay(wait, time, cancellationToken);
        }

        return (_cachedGatewayUrl, null);
    }

    private async Task WaitForIdentifySlotAsync(CancellationToken cancellationToken)
    {
        var wait = _lastIdentify + timings.IdentifyWindow - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private static Uri WithGatewayQuery(string url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        return builder.Uri;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord daily identify limit reached; waiting {Minutes:0.#} min for the reset")]
    private static partial void LogSessionLimit(ILogger logger, double minutes);
}
