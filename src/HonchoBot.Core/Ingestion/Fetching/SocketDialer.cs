using System.Net;
using System.Net.Sockets;

namespace HonchoBot.Core.Ingestion.Fetching;

/// <summary>A plain TCP socket.</summary>
public sealed class SocketDialer : IConnectionDialer
{
    public async ValueTask<Stream> ConnectAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
