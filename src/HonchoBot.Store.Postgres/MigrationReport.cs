namespace HonchoBot.Store.Postgres;

/// <summary>What one <see cref="PostgresMigrator.MigrateAsync(CancellationToken)"/> call did.</summary>
/// <param name="Applied">The versions this call applied (empty when the schema was already current).</param>
/// <param name="SchemaVersion">The schema's version afterwards.</param>
public sealed record MigrationReport(IReadOnlyList<int> Applied, int SchemaVersion);
