namespace HonchoBot.Store.Postgres;

/// <summary>One numbered schema migration shipped in the assembly (<c>Migrations/NNNN_name.sql</c>).</summary>
/// <param name="Checksum">SHA-256 of the script's text: an applied migration whose file changed stops start-up.</param>
public sealed record MigrationScript(int Version, string Name, string Sql, string Checksum);
