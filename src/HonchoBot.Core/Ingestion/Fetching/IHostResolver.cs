using System.Net;

namespace HonchoBot.Core.Ingestion.Fetching;

/// <summary>Resolves a host name to addresses; every one of them is checked before a connection.</summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
