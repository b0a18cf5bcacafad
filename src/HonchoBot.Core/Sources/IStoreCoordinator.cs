namespace HonchoBot.Core.Sources;

/// <summary>
/// What differs between the two store providers beyond the store itself (<c>Store:Provider</c>): whether the
/// store needs preparing (schema migrations), whether a change is one transaction, and who updates the index.
/// </summary>
public interface IStoreCoordinator
{
    /// <summary>
    /// True when each replica's index follows the store's change log (<c>postgres</c>): the registry then never
    /// writes an index itself and no process lock guards the library; the store transaction is the one writer.
    /// </summary>
    bool IndexFollowsChangeLog { get; }

    /// <summary>Makes the store ready for use (idempotent; several processes may call it at once).</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Starts one change's transaction for the calling flow: the store, hidden list and audit log enlist in it
    /// until it is disposed. Changes from all processes are serialised on it, so the change log's order is the
    /// order of commits. In <c>files</c> mode it does nothing (each write is durable on its own).
    /// </summary>
    IStoreTransaction BeginTransaction();
}
