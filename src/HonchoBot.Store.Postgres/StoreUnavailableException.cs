namespace HonchoBot.Store.Postgres;

/// <summary>
/// The PostgreSQL store could not be reached or used. The message names the host, port, database and user,
/// never the password or the connection string itself.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
