using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using HonchoBot.Core.Ingestion.Fetching;

namespace HonchoBot.Core.Tests.TestSupport;

/// <summary>
/// The fetcher's seams for tests: a resolver with a fixed table of names, and a dialer that routes the
/// public-looking test addresses to the loopback test server. It never opens a connection anywhere but
/// 127.0.0.1; any other address is recorded and refused, so a guard failure cannot leak traffic.
/// </summary>
internal sealed class TestNetwork(int loopbackPort) : IHostResolver, IConnectionDialer
{
    /// <summary>Public-looking addresses that the dialer sends to the loopback server instead.</summary>
    public static readonly IPAddress PublicA = IPAddress.Parse("93.184.216.34");
    public static readonly IPAddress PublicB = IPAddress.Parse("151.101.1.69");

    public Dictionary<string, IPAddress[]> Hosts { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["news.example.org"] = [PublicA],
        ["archive.example.net"] = [PublicB],
        ["sneaky.example.org"] = [IPAddress.Loopback],
        ["sneaky6.example.org"] = [IPAddress.IPv6Loopback],
        ["metadata.example.org"] = [IPAddress.Parse("169.254.169.254")],
        ["mixed.example.org"] = [PublicB, IPAddress.Parse("10.0.0.1")],
        ["localhost"] = [IPAddress.Loopback],
    };

    /// <summary>Every endpoint the fetcher asked to dial.</summary>
    public ConcurrentQueue<IPEndPoint> Dials { get; } = new();

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Hosts.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));

    public async ValueTask<Stream> ConnectAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        Dials.Enqueue(endpoint);
        var routed = endpoint.Address.Equals(PublicA) || endpoint.Address.Equals(PublicB)
            || (endpoint.Address.Equals(IPAddress.Loopback) && endpoint.Port == loopbackPort);
        if (!routed)
        {
            throw new SocketException((int)SocketError.ConnectionRefused);
        }

        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, loopbackPort), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
