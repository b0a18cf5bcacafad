using System.Globalization;
using HonchoBot.Core.Sources;
using Npgsql;

namespace HonchoBot.Store.Postgres;

/// <summary>
/// Builds the store's <see cref="NpgsqlDataSource"/> from <see cref="StoreOptions"/> and describes it without
/// its secrets, for log lines and error messages.
/// </summary>
public static class PostgresDataSources
{
    public static NpgsqlDataSource Create(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new StoreUnavailableException("Store:ConnectionString is empty; the postgres store needs one.");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException e)
        {
            // Npgsql names the offending keyword; the exception is not kept, in case a value ever reaches it.
            throw new StoreUnavailableException(
                "Store:ConnectionString is not a valid PostgreSQL connection string: " + KeywordOnly(e.Message));
        }

        // Never hand the password back through NpgsqlConnection.ConnectionString, whatever the operator wrote.
        builder.PersistSecurityInfo = false;
        return new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
    }

    /// <summary><c>host:port, database D, user U</c>: enough to find the server, nothing secret.</summary>
    public static string Describe(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return string.Create(CultureInfo.InvariantCulture,
            $"{builder.Host ?? "(no host)"}:{builder.Port}, database {builder.Database ?? "(default)"}, user {builder.Username ?? "(default)"}");
    }

    private static string KeywordOnly(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 200 ? line[..200] : line;
    }
}
