using HonchoBot.Core.Answers;
using HonchoBot.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Pipeline;

/// <summary>
/// Token buckets keyed by platform + id, refilled continuously over a minute, computed from the clock when a
/// bucket is used: no timer per bucket, nothing running while idle. A bucket that has refilled to full says
/// nothing a missing one does not, so it is forgotten; only askers and channels active within about the last
/// minute take memory, and never more than <see cref="MaxTracked"/> of each.
/// </summary>
public sealed class ChatRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time, HonchoMetrics? metrics = null) : IChatRateLimiter
{
    /// <summary>Most buckets kept per kind; past it the least recently used are dropped (their owners start full).</summary>
    public const int MaxTracked = 100_000;

    private readonly Buckets _users = new(options.Value.PerUserPerMinute, time);
    private readonly Buckets _channels = new(options.Value.PerChannelPerMinute, time);
    private readonly Lock _lock = new();

    /// <summary>Buckets held in memory (users and channels), for tests and diagnostics.</summary>
    internal int TrackedCount
    {
        get
        {
            lock (_lock)
            {
                return _users.Count + _channels.Count;
            }
        }
    }

    public bool TryAcquire(QuestionOrigin origin)
    {
        if (IsExempt(origin))
        {
            return true;
        }

        var (user, channel) = Keys(origin);
        bool allowed;
        lock (_lock)
        {
            // Both or neither: a refusal by the channel must not spend the asker's token, nor the other way round.
            allowed = (user is null || _users.CanTake(user)) && (channel is null || _channels.CanTake(channel));
            if (allowed)
            {
                _users.Take(user);
                _channels.Take(channel);
            }
        }

        if (!allowed)
        {
            metrics?.RecordRateLimited(origin.Platform);
        }

        return allowed;
    }

    public void Release(QuestionOrigin origin)
    {
        if (IsExempt(origin))
        {
            return;
        }

        var (user, channel) = Keys(origin);
        lock (_lock)
        {
            _users.Give(user);
            _channels.Give(channel);
        }
    }

    private static bool IsExempt(QuestionOrigin origin) => RateLimitKeys.IsExempt(origin);

    private static (string? User, string? Channel) Keys(QuestionOrigin origin) => RateLimitKeys.Of(origin);

    /// <summary>One kind of bucket (users or channels). Not thread-safe: the limiter's lock guards it.</summary>
    private sealed class Buckets(int perMinute, TimeProvider time)
    {
        private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
        private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
        private readonly double _tokensPerTick = perMinute / (double)TimeSpan.FromMinutes(1).Ticks;
        private DateTimeOffset _lastSweep = time.GetUtcNow();

        public int Count => _buckets.Count;

        public bool CanTake(string key) => Tokens(key, time.GetUtcNow()) >= 1;

        public void Take(string? key) => Adjust(key, -1);

        public void Give(string? key) => Adjust(key, +1);

        private void Adjust(string? key, int delta)
        {
            if (key is null)
            {
                return;
            }

            var now = time.GetUtcNow();
            var tokens = Math.Min(perMinute, Tokens(key, now) + delta);
            if (tokens >= perMinute)
            {
                _buckets.Remove(key);
            }
            else
            {
                _buckets[key] = new Bucket(tokens, now);
            }

            Sweep(now);
        }

        /// <summary>Tokens now: what was left, plus what has refilled since, up to the limit. Unknown keys are full.</summary>
        private double Tokens(string key, DateTimeOffset now) =>
            _buckets.TryGetValue(key, out var bucket)
                ? Math.Min(perMinute, bucket.Tokens + (Math.Max(0, (now - bucket.At).Ticks) * _tokensPerTick))
                : perMinute;

        private void Sweep(DateTimeOffset now)
        {
            if (now - _lastSweep < SweepInterval && _buckets.Count < MaxTracked)
            {
                return;
            }

            _lastSweep = now;
            foreach (var key in _buckets.Keys.Where(k => Tokens(k, now) >= perMinute).ToList())
            {
                _buckets.Remove(key);
            }

            if (_buckets.Count >= MaxTracked)
            {
                // A flood of distinct askers within a minute: the least recently used make room.
                foreach (var (key, _) in _buckets.OrderBy(b => b.Value.At).Take(_buckets.Count - (MaxTracked * 9 / 10)).ToList())
                {
                    _buckets.Remove(key);
                }
            }
        }
    }

    private readonly record struct Bucket(double Tokens, DateTimeOffset At);
}
