using HonchoBot.Core.Sources;
using Npgsql;

namespace HonchoBot.Store.Postgres;

/// <summary>
/// The audit log in the <c>audit_log</c> table (postgres mode). An entry written during a library change commits
/// with it (<see cref="StoreTransactionScope"/>); a refusal outside any change commits on its own.
/// </summary>
public sealed class PostgresAuditLog(NpgsqlDataSource dataSource) : IAuditLog
{
    private const string Insert =
        """
        INSERT INTO audit_log (at, platform, user_id, display_name, community_id, channel_id, action, source_id, outcome, detail)
        VALUES (@at, @platform, @user, @name, @community, @channel, @action, @source, @outcome, @detail)
        """;

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (StoreTransactionScope.Current is { } ambient)
        {
            await using var enlisted = new NpgsqlCommand(Insert, ambient.Connection, ambient);
            await ExecuteAsync(enlisted, entry, cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var command = dataSource.CreateCommand(Insert);
        await ExecuteAsync(command, entry, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string? communityId, int max, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(
            """
            SELECT at, platform, user_id, display_name, community_id, channel_id, action, source_id, outcome, detail
            FROM (SELECT * FROM audit_log WHERE @community::text IS NULL OR community_id = @community ORDER BY id DESC LIMIT @max) newest
            ORDER BY id
            """);
        command.Parameters.AddWithValue("community", (object?)communityId ?? DBNull.Value);
        command.Parameters.AddWithValue("max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(
                reader.GetFieldValue<DateTimeOffset>(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                NullableString(reader, 4),
                NullableString(reader, 5),
                reader.GetString(6),
                NullableString(reader, 7),
                reader.GetString(8),
                NullableString(reader, 9)));
        }

        return entries;
    }

    private static async Task ExecuteAsync(NpgsqlCommand command, AuditEntry entry, CancellationToken cancellationToken)
    {
        command.Parameters.AddWithValue("at", entry.At);
        command.Parameters.AddWithValue("platform", entry.Platform);
        command.Parameters.AddWithValue("user", entry.UserId);
        command.Parameters.AddWithValue("name", entry.DisplayName);
        command.Parameters.AddWithValue("community", (object?)entry.CommunityId ?? DBNull.Value);
        command.Parameters.AddWithValue("channel", (object?)entry.ChannelId ?? DBNull.Value);
        command.Parameters.AddWithValue("action", entry.Action);
        command.Parameters.AddWithValue("source", (object?)entry.SourceId ?? DBNull.Value);
        command.Parameters.AddWithValue("outcome", entry.Outcome);
        command.Parameters.AddWithValue("detail", (object?)entry.Detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
