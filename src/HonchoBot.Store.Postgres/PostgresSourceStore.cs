using System.Text;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Sources;
using Npgsql;

namespace HonchoBot.Store.Postgres;

/// <summary>
/// Added sources in the <c>sources</c> table, the database counterpart of <see cref="FileSourceStore"/>. Each
/// row holds the source in the same corpus format the files store writes, so both parse and hash it alike.
/// A row moves staged → published (or staged → discarded) and published → removed; rows are never deleted,
/// so a removed or discarded source's text stays for an operator. Publishing and removing append to
/// <c>change_log</c> in the same transaction, which is what other replicas follow. Every method returns only
/// after its transaction has committed.
/// </summary>
public sealed class PostgresSourceStore(NpgsqlDataSource dataSource, TimeProvider time) : ISourceStore
{
    private const string Staged = "staged";
    private const string Published = "published";
    private const string Discarded = "discarded";
    private const string Removed = "removed";

    public Task<CorpusLoad> LoadAsync(CancellationToken cancellationToken) => LoadInStateAsync(Published, cancellationToken);

    public Task<CorpusLoad> LoadStagedAsync(CancellationToken cancellationToken) => LoadInStateAsync(Staged, cancellationToken);

    public bool IsIdTaken(string sourceId)
    {
        RequireSlug(sourceId);
        using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM sources WHERE source_id = @id)");
        command.Parameters.AddWithValue("id", sourceId);
        return (bool)command.ExecuteScalar()!;
    }

    public async Task<SourceDocument> StageAsync(SourceInfo info, IReadOnlyList<SourceBlock> blocks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(info);
        RequireSlug(info.Id);
        var content = SourceFileFormat.Write(info, blocks);
        var parsed = SourceFileFormat.Parse(Encoding.UTF8.GetBytes(content), info.Id + ".md", isShipped: false);
        if (parsed.Document is null)
        {
            // Never store what the loader would reject at the next start-up.
            throw new InvalidDataException($"the source would not read back: {parsed.Error}");
        }

        var now = time.GetUtcNow();
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO sources (source_id, community_id, title, content, content_hash, state, created_at, updated_at)
            VALUES (@id, @community, @title, @content, @hash, 'staged', @now, @now)
            ON CONFLICT (source_id) DO NOTHING
            """);
        command.Parameters.AddWithValue("id", info.Id);
        command.Parameters.AddWithValue("community", (object?)info.CommunityId ?? DBNull.Value);
        command.Parameters.AddWithValue("title", info.Title);
        command.Parameters.AddWithValue("content", content);
        command.Parameters.AddWithValue("hash", parsed.Document.ContentHash);
        command.Parameters.AddWithValue("now", now);
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new IOException($"a source '{info.Id}' already exists");
        }

        return parsed.Document;
    }

    public Task<bool> PublishAsync(string sourceId, CancellationToken cancellationToken) =>
        MoveAsync(sourceId, Staged, Published, "added", cancellationToken);

    public Task<bool> DiscardAsync(string sourceId, CancellationToken cancellationToken) =>
        MoveAsync(sourceId, Staged, Discarded, changeKind: null, cancellationToken);

    public Task<bool> RemoveAsync(string sourceId, CancellationToken cancellationToken) =>
        MoveAsync(sourceId, Published, Removed, "removed", cancellationToken);

    /// <summary>
    /// Moves one row between states and, for a change the library sees, appends it to the change log, atomically:
    /// inside the library change under way in this flow (<see cref="StoreTransactionScope"/>), or in its own
    /// transaction under the same store-wide write lock.
    /// </summary>
    private async Task<bool> MoveAsync(string sourceId, string from, string to, string? changeKind, CancellationToken cancellationToken)
    {
        RequireSlug(sourceId);
        if (StoreTransactionScope.Current is { } ambient)
        {
            return await MoveInAsync(ambient, sourceId, from, to, changeKind, cancellationToken).ConfigureAwait(false);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        PostgresStoreTransaction.TakeWriteLock(connection, transaction);
        if (!await MoveInAsync(transaction, sourceId, from, to, changeKind, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> MoveInAsync(NpgsqlTransaction transaction, string sourceId, string from, string to, string? changeKind, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var now = time.GetUtcNow();
        string? communityId;
        await using (var update = new NpgsqlCommand(
            "UPDATE sources SET state = @to, updated_at = @now WHERE source_id = @id AND state = @from RETURNING community_id",
            connection, transaction))
        {
            update.Parameters.AddWithValue("to", to);
            update.Parameters.AddWithValue("now", now);
            update.Parameters.AddWithValue("id", sourceId);
            update.Parameters.AddWithValue("from", from);
            await using var reader = await update.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            communityId = reader.IsDBNull(0) ? null : reader.GetString(0);
        }

        if (changeKind is not null)
        {
            await ChangeLog.AppendAsync(transaction, now, changeKind, sourceId, communityId, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task<CorpusLoad> LoadInStateAsync(string state, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT source_id, content FROM sources WHERE state = @state ORDER BY source_id");
        command.Parameters.AddWithValue("state", state);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var documents = new List<SourceDocument>();
        var errors = new List<CorpusError>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var parsed = SourceFileFormat.Parse(Encoding.UTF8.GetBytes(reader.GetString(1)), reader.GetString(0) + ".md", isShipped: false);
            if (parsed.Document is not null)
            {
                documents.Add(parsed.Document);
            }
            else if (parsed.Error is not null)
            {
                errors.Add(parsed.Error);
            }
        }

        return new CorpusLoad(documents, errors);
    }

    private static void RequireSlug(string sourceId)
    {
        if (!SourceIds.IsValid(sourceId))
        {
            throw new ArgumentException($"'{sourceId}' is not a source id", nameof(sourceId));
        }
    }
}
