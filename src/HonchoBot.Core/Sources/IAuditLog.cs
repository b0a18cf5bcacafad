namespace HonchoBot.Core.Sources;

/// <summary>
/// The append-only record of every library change and refusal: <see cref="AuditLog"/> (<c>{data}/audit.jsonl</c>)
/// in <c>files</c> mode, the <c>audit_log</c> table in <c>postgres</c> mode. An entry appended inside a store
/// transaction (<see cref="IStoreCoordinator.BeginTransaction"/>) commits or rolls back with it.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends one entry durably before returning.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="max"/> entries of a community (null: all), oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(string? communityId, int max, CancellationToken cancellationToken);
}
