namespace HonchoBot.Core.Sources;

/// <summary>
/// One library change's unit of work (see <see cref="IStoreCoordinator.BeginTransaction"/>): what the store, the
/// hidden list and the audit log write while it is open commits together, or, disposed uncommitted, not at all.
/// </summary>
public interface IStoreTransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);
}
