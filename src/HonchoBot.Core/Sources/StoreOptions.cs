using System.ComponentModel.DataAnnotations;

namespace HonchoBot.Core.Sources;

/// <summary>
/// Where the source of truth for added sources, hidden sources and the audit log lives (appsettings
/// <c>Store</c>): <c>files</c> (the default: Markdown and JSON files in the data directory, no database) or
/// <c>postgres</c> (one PostgreSQL database shared by several replicas, <c>HonchoBot.Store.Postgres</c>).
/// </summary>
/// <remarks>
/// <see cref="ConnectionString"/> is a secret (it may hold a password): it is never logged, and
/// <see cref="ToString"/> leaves it out.
/// </remarks>
public sealed class StoreOptions : IValidatableObject
{
    public const string Section = "Store";

    public const string Files = "files";

    public const string Postgres = "postgres";

    /// <summary><c>files</c> (default) or <c>postgres</c>.</summary>
    [Required]
    public string Provider { get; set; } = Files;

    /// <summary>An Npgsql connection string; required when <see cref="Provider"/> is <c>postgres</c>. A secret.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Postgres mode: how often a replica looks for changes when no notification arrives (seconds).</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    /// <summary>Postgres mode: change-log entries a replica applies per index commit while catching up.</summary>
    [Range(1, 10000)]
    public int CatchUpBatchSize { get; set; } = 200;

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsPostgres && !string.Equals(Provider, Files, StringComparison.OrdinalIgnoreCase))
        {
            // The value is echoed: a provider name is not a secret, and it shows the operator's typo.
            yield return new ValidationResult(
                $"Store:Provider must be '{Files}' or '{Postgres}', not '{Provider}'.", [nameof(Provider)]);
        }
        else if (IsPostgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Store:ConnectionString is required when Store:Provider is 'postgres'.", [nameof(ConnectionString)]);
        }
    }

    public override string ToString() =>
        $"Store {{ Provider = {Provider}, ConnectionString = {(string.IsNullOrEmpty(ConnectionString) ? "(none)" : "(set, not shown)")} }}";
}
