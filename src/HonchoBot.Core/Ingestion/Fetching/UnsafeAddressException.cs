using System.Net;

namespace HonchoBot.Core.Ingestion.Fetching;

/// <summary>The guard refused an address; the message is fit for the requester.</summary>
public sealed class UnsafeAddressException(string host, IPAddress address) : IOException(Describe(host, address))
{
    public static string Describe(string host, IPAddress address) =>
        $"refused to fetch {host}: it points at {address}, a private, loopback, link-local or otherwise non-public address";
}
