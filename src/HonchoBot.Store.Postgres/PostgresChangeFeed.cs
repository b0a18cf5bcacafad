using System.Text;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Retrieval;
using HonchoBot.Core.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HonchoBot.Store.Postgres;

/// <summary>
/// The change log as a replica follows it. <see cref="ReadAsync"/> takes the next <c>Store:CatchUpBatchSize</c>
/// entries and resolves each source they touch to its state now (published: index this text; anything else:
/// drop it), so a batch is idempotent and a source added then removed is never indexed. Hidden and unhidden
/// entries refresh the hidden list instead. <see cref="WaitForChangeAsync"/> listens on <c>honcho_changes</c>
/// (sent by a trigger when a change-log insert commits) with <c>Store:PollSeconds</c> as the fallback.
/// </summary>
public sealed partial class PostgresChangeFeed(
    NpgsqlDataSource dataSource,
    PostgresHiddenSources hidden,
    IOptions<StoreOptions> options,
    TimeProvider time,
    ILogger<PostgresChangeFeed> logger) : IChangeFeed, IAsyncDisposable
{
    private const string Channel = "honcho_changes";
    private NpgsqlConnection? _listener;

    public bool IsEnabled => true;

    public async Task<ChangeBatch> ReadAsync(long afterSequence, CancellationToken cancellationToken)
    {
        var last = afterSequence;
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var visibilityChanged = false;
        await using (var command = dataSource.CreateCommand("SELECT seq, kind, source_id FROM change_log WHERE seq > @after ORDER BY seq LIMIT @max"))
        {
            command.Parameters.AddWithValue("after", afterSequence);
            command.Parameters.AddWithValue("max", options.Value.CatchUpBatchSize);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                last = reader.GetInt64(0);
                var kind = reader.GetString(1);
                if (kind is ChangeLog.Hidden or ChangeLog.Unhidden)
                {
                    visibilityChanged = true;
                }
                else
                {
                    touched.Add(reader.GetString(2));
                }
            }
        }

        if (visibilityChanged)
        {
            hidden.Invalidate();
        }

        if (touched.Count == 0)
        {
            return new ChangeBatch(last, [], []);
        }

        var upserts = new List<SourceDocument>();
        await using (var command = dataSource.CreateCommand("SELECT source_id, content FROM sources WHERE source_id = ANY(@ids) AND state = 'published'"))
        {
            command.Parameters.AddWithValue("ids", touched.ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetString(0);
                var parsed = SourceFileFormat.Parse(Encoding.UTF8.GetBytes(reader.GetString(1)), id + ".md", isShipped: false);
                if (parsed.Document is { } document)
                {
                    upserts.Add(document);
                }
                else
                {
                    LogUnreadable(logger, id, parsed.Error?.Reason ?? "unknown");
                }
            }
        }

        var published = upserts.Select(d => d.Info.Id).ToHashSet(StringComparer.Ordinal);
        return new ChangeBatch(last, upserts, [.. touched.Where(id => !published.Contains(id))]);
    }

    public async Task WaitForChangeAsync(CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.PollSeconds);
        try
        {
            _listener ??= await ListenAsync(cancellationToken).ConfigureAwait(false);
            await _listener.WaitAsync(interval, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            // Without notifications the replica still polls; the next wait connects again.
            LogListenFailed(logger, ex.Message);
            await DropListenerAsync().ConfigureAwait(false);
            await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand("LISTEN " + Channel, connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task DropListenerAsync()
    {
        if (_listener is { } listener)
        {
            _listener = null;
            await listener.DisposeAsync().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => new(DropListenerAsync());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store source {SourceId} could not be read and is left out of this replica's index: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string sourceId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for store changes failed ({Reason}); polling instead until it reconnects")]
    private static partial void LogListenFailed(ILogger logger, string reason);
}
