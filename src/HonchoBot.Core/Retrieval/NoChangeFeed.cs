namespace HonchoBot.Core.Retrieval;

/// <summary>The files provider's change feed: empty, and never ready to wait on.</summary>
public sealed class NoChangeFeed : IChangeFeed
{
    public bool IsEnabled => false;

    public Task<ChangeBatch> ReadAsync(long afterSequence, CancellationToken cancellationToken) => Task.FromResult(ChangeBatch.Empty(afterSequence));

    public Task WaitForChangeAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);
}
