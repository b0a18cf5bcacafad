using System.Net;

namespace HonchoBot.Core.Ingestion.Fetching;

/// <summary>The system resolver (DNS, hosts file).</summary>
public sealed class DnsHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
