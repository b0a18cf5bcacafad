using Npgsql;

namespace HonchoBot.Store.Postgres;

/// <summary>Appends to <c>change_log</c>, always inside the transaction of the change it records.</summary>
internal static class ChangeLog
{
    public const string Added = "added";
    public const string Removed = "removed";
    public const string Hidden = "hidden";
    public const string Unhidden = "unhidden";

    public static async Task AppendAsync(NpgsqlTransaction transaction, DateTimeOffset at, string kind, string sourceId, string? communityId, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, at, kind, sourceId, communityId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same, for callers that are synchronous (the hidden list's <c>Set</c>).</summary>
    public static void Append(NpgsqlTransaction transaction, DateTimeOffset at, string kind, string sourceId, string? communityId)
    {
        using var command = Command(transaction, at, kind, sourceId, communityId);
        command.ExecuteNonQuery();
    }

    private static NpgsqlCommand Command(NpgsqlTransaction transaction, DateTimeOffset at, string kind, string sourceId, string? communityId)
    {
        var command = new NpgsqlCommand(
            "INSERT INTO change_log (at, kind, source_id, community_id) VALUES (@at, @kind, @id, @community)",
            transaction.Connection, transaction);
        command.Parameters.AddWithValue("at", at);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("id", sourceId);
        command.Parameters.AddWithValue("community", (object?)communityId ?? DBNull.Value);
        return command;
    }
}
