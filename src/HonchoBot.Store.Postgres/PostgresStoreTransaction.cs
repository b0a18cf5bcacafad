using HonchoBot.Core.Sources;
using Npgsql;

namespace HonchoBot.Store.Postgres;

/// <summary>
/// One library change in postgres mode: a connection, a transaction, and the store-wide write lock
/// (<c>pg_advisory_xact_lock</c>), so changes from every replica and CLI commit one at a time and the change
/// log's sequence numbers are in commit order (a follower never skips an earlier number committed later).
/// </summary>
internal sealed class PostgresStoreTransaction : IStoreTransaction
{
    /// <summary>The advisory lock key for library changes ("HonchoWr" in ASCII).</summary>
    internal const long WriteLockKey = 0x486F6E63686F5772;

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly StoreTransactionScope.Holder _scope;
    private bool _committed;

    private PostgresStoreTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction, StoreTransactionScope.Holder scope)
    {
        _connection = connection;
        _transaction = transaction;
        _scope = scope;
    }

    /// <summary>Opens the transaction and enlists the calling flow; synchronous, so the caller's flow sees it.</summary>
    public static PostgresStoreTransaction Begin(NpgsqlDataSource dataSource)
    {
        var connection = dataSource.OpenConnection();
        try
        {
            var transaction = connection.BeginTransaction();
            TakeWriteLock(connection, transaction);
            return new PostgresStoreTransaction(connection, transaction, StoreTransactionScope.Enter(transaction));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Serialises library changes across every process on the store, until the transaction ends.</summary>
    internal static void TakeWriteLock(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction);
        command.Parameters.AddWithValue("key", WriteLockKey);
        command.ExecuteNonQuery();
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        _scope.Transaction = null;
        if (!_committed && _connection.State == System.Data.ConnectionState.Open)
        {
            try
            {
                await _transaction.RollbackAsync().ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // The connection broke: the server rolls back on its own.
            }
        }

        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
