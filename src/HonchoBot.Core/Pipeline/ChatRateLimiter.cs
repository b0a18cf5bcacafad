using HonchoBot.Core.Telemetry;
using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using HonchoBot.Core.Answers;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Pipeline;

/// <summary>Rate-limit settings (appsettings <c>RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [System.ComponentModel.DataAnnotations.Range(1, 10_000)]
    public int PerUserPerMinute { get; set; } = 10;

    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int PerChannelPerMinute { get; set; } = 30;
}

/// <summary>Token buckets keyed by platform + id, refilled continuously over a minute.</summary>
public sealed class ChatRateLimiter(IOptions<RateLimitOptions> options, HonchoMetrics? metrics = null) : IChatRateLimiter, IDisposable
{
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _buckets = new(StringComparer.Ordinal);
    private readonly RateLimitOptions _options = options.Value;

    public bool TryAcquire(QuestionOrigin origin)
    {
        if (origin.Platform == "cli")
        {
            return true;
        }

        var allowed = (origin.UserId is null || Take($"u:{origin.Platform}:{origin.UserId}", _options.PerUserPerMinute))
            && (origin.ChannelId is null || Take($"c:{origin.Platform}:{origin.ChannelId}", _options.PerChannelPerMinute));
        if (!allowed)
        {
            metrics?.RecordRateLimited(origin.Platform);
        }

        return allowed;
    }

    private bool Take(string key, int perMinute)
    {
        var bucket = _buckets.GetOrAdd(key, _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1.0 / perMinute),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        using var lease = bucket.AttemptAcquire();
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values)
        {
            bucket.Dispose();
        }
    }
}
