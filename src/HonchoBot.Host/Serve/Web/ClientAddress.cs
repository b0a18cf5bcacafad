using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace HonchoBot.Host.Serve.Web;

/// <summary>
/// The rate-limit key of a web request: the client's address. Behind a reverse proxy every connection comes from the
/// proxy, so one key would throttle everyone together; when the connection comes from a configured trusted proxy,
/// the client is the right-most <c>X-Forwarded-For</c> entry that is not itself a trusted proxy (the left-most entries
/// are whatever the client chose to send). IPv6 clients are keyed by their /64, which one subscriber usually holds whole.
/// </summary>
internal sealed class ClientAddress(IOptions<WebOptions> options)
{
    private readonly HashSet<IPAddress> _proxies = options.Value.TrustedProxies.Select(p => Normalise(IPAddress.Parse(p))).ToHashSet();

    /// <summary>The key for <paramref name="context"/>'s client; <c>unknown</c> when the connection has no address (in-process tests).</summary>
    public string KeyOf(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } remote)
        {
            return "unknown";
        }

        var client = Normalise(remote);
        if (_proxies.Contains(client) && Forwarded(context) is { } forwarded)
        {
            client = forwarded;
        }

        return Key(client);
    }

    /// <summary>The last hop before the trusted proxies, or null when the header is absent or names none.</summary>
    private IPAddress? Forwarded(HttpContext context)
    {
        var hops = context.Request.Headers["X-Forwarded-For"].SelectMany(v => (v ?? "").Split(',')).ToList();
        for (var i = hops.Count - 1; i >= 0; i--)
        {
            if (!IPAddress.TryParse(hops[i].Trim(), out var hop))
            {
                // A hop we cannot read: stop here rather than believe anything further left.
                return null;
            }

            hop = Normalise(hop);
            if (!_proxies.Contains(hop))
            {
                return hop;
            }
        }

        return null;
    }

    private static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static string Key(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
