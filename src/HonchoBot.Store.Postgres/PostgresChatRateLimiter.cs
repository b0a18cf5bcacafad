using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HonchoBot.Store.Postgres;

/// <summary>
/// The per-user and per-channel limits of <see cref="ChatRateLimiter"/> (same keys, same continuous refill over a
/// minute, both-or-neither) with the buckets in the <c>rate_buckets</c> table, so an asker has one allowance
/// across replicas (postgres mode). Rows are locked in key order within one short transaction. If the store cannot
/// be reached the question is allowed (the queue still bounds the load) and the failure is logged.
/// </summary>
public sealed partial class PostgresChatRateLimiter(
    NpgsqlDataSource dataSource,
    IOptions<RateLimitOptions> options,
    TimeProvider time,
    ExpiredRowSweeper sweeper,
    ILogger<PostgresChatRateLimiter> logger,
    HonchoMetrics? metrics = null) : IChatRateLimiter
{
    public bool TryAcquire(QuestionOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (RateLimitKeys.IsExempt(origin))
        {
            return true;
        }

        var buckets = Buckets(origin);
        if (buckets.Count == 0)
        {
            return true;
        }

        var now = time.GetUtcNow();
        try
        {
            using var connection = dataSource.OpenConnection();
            using var transaction = connection.BeginTransaction();
            var tokens = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (key, limit) in buckets)
            {
                tokens[key] = LockAndRead(connection, transaction, key, limit, now);
            }

            var allowed = tokens.Values.All(t => t >= 1);
            if (allowed)
            {
                foreach (var (key, _) in buckets)
                {
                    Write(connection, transaction, key, tokens[key] - 1, now);
                }
            }

            transaction.Commit();
            sweeper.SweepIfDue(now);
            if (!allowed)
            {
                metrics?.RecordRateLimited(origin.Platform);
            }

            return allowed;
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
        {
            LogUnavailable(logger, ex.Message);
            return true;
        }
    }

    public void Release(QuestionOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (RateLimitKeys.IsExempt(origin))
        {
            return;
        }

        try
        {
            foreach (var (key, limit) in Buckets(origin))
            {
                using var command = dataSource.CreateCommand("UPDATE rate_buckets SET tokens = LEAST(@limit, tokens + 1) WHERE bucket = @key");
                command.Parameters.AddWithValue("limit", (double)limit);
                command.Parameters.AddWithValue("key", key);
                command.ExecuteNonQuery();
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
        {
            LogUnavailable(logger, ex.Message);
        }
    }

    /// <summary>The asker's and the channel's buckets with their limits, in key order (the lock order).</summary>
    private List<(string Key, int Limit)> Buckets(QuestionOrigin origin)
    {
        var (user, channel) = RateLimitKeys.Of(origin);
        var list = new List<(string Key, int Limit)>();
        if (user is not null)
        {
            list.Add(("user:" + user, options.Value.PerUserPerMinute));
        }

        if (channel is not null)
        {
            list.Add(("channel:" + channel, options.Value.PerChannelPerMinute));
        }

        list.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return list;
    }

    /// <summary>Tokens in a bucket now (refilled since it was written, up to the limit); creates a full one first.</summary>
    private static double LockAndRead(NpgsqlConnection connection, NpgsqlTransaction transaction, string key, int limit, DateTimeOffset now)
    {
        using (var insert = new NpgsqlCommand("INSERT INTO rate_buckets (bucket, tokens, updated_at) VALUES (@key, @limit, @now) ON CONFLICT DO NOTHING", connection, transaction))
        {
            insert.Parameters.AddWithValue("key", key);
            insert.Parameters.AddWithValue("limit", (double)limit);
            insert.Parameters.AddWithValue("now", now);
            insert.ExecuteNonQuery();
        }

        using var select = new NpgsqlCommand("SELECT tokens, updated_at FROM rate_buckets WHERE bucket = @key FOR UPDATE", connection, transaction);
        select.Parameters.AddWithValue("key", key);
        using var reader = select.ExecuteReader();
        reader.Read();
        var tokens = reader.GetDouble(0);
        var at = reader.GetFieldValue<DateTimeOffset>(1);
        var refilled = Math.Max(0, (now - at).Ticks) * (limit / (double)TimeSpan.FromMinutes(1).Ticks);
        return Math.Min(limit, tokens + refilled);
    }

    private static void Write(NpgsqlConnection connection, NpgsqlTransaction transaction, string key, double tokens, DateTimeOffset now)
    {
        using var update = new NpgsqlCommand("UPDATE rate_buckets SET tokens = @tokens, updated_at = @now WHERE bucket = @key", connection, transaction);
        update.Parameters.AddWithValue("tokens", tokens);
        update.Parameters.AddWithValue("now", now);
        update.Parameters.AddWithValue("key", key);
        update.ExecuteNonQuery();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store could not apply the shared rate limits ({Reason}); allowing the question")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
