using System.Net;

namespace HonchoBot.Core.Ingestion.Fetching;

/// <summary>Opens a TCP connection to an address the guard has already approved.</summary>
public interface IConnectionDialer
{
    ValueTask<Stream> ConnectAsync(IPEndPoint endpoint, CancellationToken cancellationToken);
}
