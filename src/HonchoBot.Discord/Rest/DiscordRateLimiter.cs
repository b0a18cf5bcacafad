using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

namespace HonchoBot.Discord.Rest;

/// <summary>
/// Client-side view of Discord's rate limits (docs/platform-protocols.md): per-route buckets learned from the
/// <c>X-RateLimit-*</c> headers, the global 50 requests/second, and 429 <c>retry_after</c>. Requests in one
/// bucket go one at a time so that concurrent senders cannot overshoot what the last response allowed.
/// Limits are never hard-coded beyond the documented global figure; everything else is read from headers.
/// </summary>
internal sealed class DiscordRateLimiter(TimeProvider time)
{
    private const int GlobalPerSecond = 50;

    private readonly ConcurrentDictionary<string, string> _routeToBucket = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _globalLock = new();
    private DateTimeOffset _globalBlockedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _windowCount;

    public async Task<BucketState> AcquireAsync(RestRoute route, CancellationToken cancellationToken)
    {
        var bucket = BucketFor(route);
        await bucket.Gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var wait = WaitNeeded(route, bucket);
                if (wait <= TimeSpan.Zero)
                {
                    break;
                }

                await Task.Delay(wait, time, cancellationToken);
            }

            return bucket;
        }
        catch
        {
            bucket.Gate.Release();
            throw;
        }
    }

    /// <summary>Learns the bucket from a response and releases it for the next request.</summary>
    public void Release(RestRoute route, BucketState bucket, HttpResponseHeaders? headers)
    {
        try
        {
            if (headers is not null)
            {
                Learn(route, bucket, headers);
            }
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    /// <summary>
    /// Added to every learned reset and retry_after: Discord rounds them to milliseconds and timers are coarse,
    /// and an early request costs a 429 that counts toward the invalid-request ban, where waiting costs 50 ms.
    /// </summary>
    internal static readonly TimeSpan SafetyMargin = TimeSpan.FromMilliseconds(50);

    /// <summary>A 429: block the bucket, or every non-interaction route when <paramref name="isGlobal"/>.</summary>
    public void OnRateLimited(BucketState bucket, TimeSpan retryAfter, bool isGlobal)
    {
        var until = time.GetUtcNow() + retryAfter + SafetyMargin;
        if (isGlobal)
        {
            lock (_globalLock)
            {
                if (until > _globalBlockedUntil)
                {
                    _globalBlockedUntil = until;
                }
            }
        }
        else
        {
            bucket.Remaining = 0;
            bucket.ResetAt = until;
        }
    }

    private BucketState BucketFor(RestRoute route)
    {
        var key = _routeToBucket.TryGetValue(route.Key, out var hash) ? hash + "|" + route.Major : route.Key;
        return _buckets.GetOrAdd(key, static _ => new BucketState());
    }

    private TimeSpan WaitNeeded(RestRoute route, BucketState bucket)
    {
        var now = time.GetUtcNow();
        var wait = TimeSpan.Zero;
        if (bucket.Remaining <= 0 && bucket.ResetAt > now)
        {
            wait = bucket.ResetAt - now;
        }

        if (route.IsInteraction)
        {
            return wait;
        }

        lock (_globalLock)
        {
            if (_globalBlockedUntil > now && _globalBlockedUntil - now > wait)
            {
                wait = _globalBlockedUntil - now;
            }

            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            // Fixed one-second window for the documented global limit.
            if (now - _windowStart >= TimeSpan.FromSeconds(1))
            {
                _windowStart = now;
                _windowCount = 0;
            }

            if (_windowCount >= GlobalPerSecond)
            {
                return _windowStart + TimeSpan.FromSeconds(1) - now;
            }

            _windowCount++;
            return TimeSpan.Zero;
        }
    }

    private void Learn(RestRoute route, BucketState bucket, HttpResponseHeaders headers)
    {
        if (TryHeader(headers, "X-RateLimit-Bucket", out var hash))
        {
            // Routes that Discord puts in one bucket share its state from now on.
            if (_routeToBucket.TryAdd(route.Key, hash))
            {
                _buckets.TryAdd(hash + "|" + route.Major, bucket);
            }
        }

        if (TryHeader(headers, "X-RateLimit-Remaining", out var remaining)
            && int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r))
        {
            bucket.Remaining = r;
        }

        if (TryHeader(headers, "X-RateLimit-Reset-After", out var resetAfter)
            && double.TryParse(resetAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            bucket.ResetAt = time.GetUtcNow() + TimeSpan.FromSeconds(seconds) + SafetyMargin;
        }
    }

    private static bool TryHeader(HttpResponseHeaders headers, string name, out string value)
    {
        value = headers.TryGetValues(name, out var values) ? values.FirstOrDefault() ?? string.Empty : string.Empty;
        return value.Length > 0;
    }
}

/// <summary>What the last response said about one bucket.</summary>
internal sealed class BucketState
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Unknown until the first response: one request goes through to learn it.</summary>
    public int Remaining { get; set; } = 1;

    public DateTimeOffset ResetAt { get; set; } = DateTimeOffset.MinValue;
}
