namespace HonchoBot.Core.Retrieval;

/// <summary>
/// The store's sequence-numbered change log as one replica reads it to keep its own index current (postgres
/// mode). In files mode there is none (<see cref="NoChangeFeed"/>): the process that owns the index changes it.
/// </summary>
public interface IChangeFeed
{
    /// <summary>False in files mode: nothing to follow.</summary>
    bool IsEnabled { get; }

    /// <summary>The next batch of changes after <paramref name="afterSequence"/>, already resolved to the sources' current state.</summary>
    Task<ChangeBatch> ReadAsync(long afterSequence, CancellationToken cancellationToken);

    /// <summary>Returns when the store says something changed, or after the polling interval, whichever is first.</summary>
    Task WaitForChangeAsync(CancellationToken cancellationToken);
}
