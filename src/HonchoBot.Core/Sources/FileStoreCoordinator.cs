namespace HonchoBot.Core.Sources;

/// <summary>
/// The <c>files</c> provider's coordination: nothing to prepare, no transactions (the audit line is the commit
/// point, see <see cref="SourceRegistry"/>), and the process that owns the index writes it directly.
/// </summary>
public sealed class FileStoreCoordinator : IStoreCoordinator
{
    public bool IndexFollowsChangeLog => false;

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public IStoreTransaction BeginTransaction() => NoTransaction.Instance;

    private sealed class NoTransaction : IStoreTransaction
    {
        public static readonly NoTransaction Instance = new();

        public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
