using HonchoBot.Core.Sources;
using Npgsql;

namespace HonchoBot.Store.Postgres;

/// <summary>
/// Hidden sources per community in the <c>hidden_sources</c> table (postgres mode; <c>global</c> is the
/// operator's list, as in the files provider). Questions read a copy held in memory; it is read again after this
/// process changes it and whenever the change log says another replica did (<see cref="Invalidate"/>). A change
/// appends <c>hidden</c> or <c>unhidden</c> to the change log in the same transaction.
/// </summary>
public sealed class PostgresHiddenSources(NpgsqlDataSource dataSource, TimeProvider time) : IHiddenSources
{
    private static readonly HashSet<string> Empty = [];
    private readonly System.Threading.Lock _lock = new();
    private Dictionary<string, HashSet<string>>? _hidden;

    public IReadOnlySet<string> HiddenIn(string? communityId)
    {
        var hidden = Snapshot();
        hidden.TryGetValue(HiddenSourceList.GlobalKey, out var global);
        if (communityId is null || !hidden.TryGetValue(communityId, out var local))
        {
            return global ?? Empty;
        }

        var union = new HashSet<string>(local, StringComparer.Ordinal);
        if (global is not null)
        {
            union.UnionWith(global);
        }

        return union;
    }

    public bool IsHiddenBy(string? communityId, string sourceId) =>
        Snapshot().TryGetValue(communityId ?? HiddenSourceList.GlobalKey, out var set) && set.Contains(sourceId);

    public bool Set(string? communityId, string sourceId, bool hidden)
    {
        var key = communityId ?? HiddenSourceList.GlobalKey;
        try
        {
            if (StoreTransactionScope.Current is { } ambient)
            {
                return SetIn(ambient, key, communityId, sourceId, hidden);
            }

            using var connection = dataSource.OpenConnection();
            using var transaction = connection.BeginTransaction();
            PostgresStoreTransaction.TakeWriteLock(connection, transaction);
            var changed = SetIn(transaction, key, communityId, sourceId, hidden);
            transaction.Commit();
            return changed;
        }
        finally
        {
            Invalidate();
        }
    }

    /// <summary>Forgets the copy in memory: the next question reads the table again.</summary>
    public void Invalidate()
    {
        lock (_lock)
        {
            _hidden = null;
        }
    }

    private bool SetIn(NpgsqlTransaction transaction, string key, string? communityId, string sourceId, bool hidden)
    {
        using var command = new NpgsqlCommand(
            hidden
                ? "INSERT INTO hidden_sources (community_id, source_id, hidden_at) VALUES (@key, @id, @now) ON CONFLICT DO NOTHING"
                : "DELETE FROM hidden_sources WHERE community_id = @key AND source_id = @id",
            transaction.Connection, transaction);
        var now = time.GetUtcNow();
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("id", sourceId);
        if (hidden)
        {
            command.Parameters.AddWithValue("now", now);
        }

        if (command.ExecuteNonQuery() == 0)
        {
            return false;
        }

        ChangeLog.Append(transaction, now, hidden ? ChangeLog.Hidden : ChangeLog.Unhidden, sourceId, communityId);
        return true;
    }

    private Dictionary<string, HashSet<string>> Snapshot()
    {
        lock (_lock)
        {
            if (_hidden is { } cached)
            {
                return cached;
            }
        }

        var loaded = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        using (var command = dataSource.CreateCommand("SELECT community_id, source_id FROM hidden_sources"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var community = reader.GetString(0);
                if (!loaded.TryGetValue(community, out var set))
                {
                    loaded[community] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(reader.GetString(1));
            }
        }

        lock (_lock)
        {
            return _hidden ??= loaded;
        }
    }
}
