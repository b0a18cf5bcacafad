using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace HonchoBot.Tests.Shared;

/// <summary>
/// HTTP/1.1 written by hand on a fresh loopback connection, for requests HttpClient refuses to send: malformed
/// chunk sizes, oversized trailers, bodies shorter than their Content-Length. Linked into each test project.
/// </summary>
internal static class RawHttp
{
    /// <summary>
    /// Status code of the answer, or 0 when the server closed the connection without one. With
    /// <paramref name="halfClose"/> the client ends its side after sending, so a body cut short ends there
    /// instead of waiting for the server's body timeout.
    /// </summary>
    public static async Task<int> SendAsync(Uri server, byte[] request, bool halfClose = false, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30)); // a guard against a hung server, not a timing assertion
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request, timeout.Token);
            if (halfClose)
            {
                client.Client.Shutdown(SocketShutdown.Send);
            }
        }
        catch (IOException)
        {
            // The server may answer and close before it has read everything (an oversized header, say).
        }

        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
                if (Encoding.ASCII.GetString(received.GetBuffer(), 0, (int)received.Length).Contains("\r\n", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
            // Reset after (or instead of) an answer: whatever arrived is judged below.
        }

        return StatusOf(Encoding.ASCII.GetString(received.ToArray()));
    }

    /// <summary>A POST whose body is sent as the given raw chunked framing (chunk sizes, data, trailers).</summary>
    public static byte[] ChunkedPost(string path, string framing, IEnumerable<(string Name, string Value)>? headers = null) =>
        Request("POST", path, [("Transfer-Encoding", "chunked"), .. headers ?? []], Encoding.ASCII.GetBytes(framing));

    /// <summary>A request with exactly these headers (plus Host and Connection: close) and body bytes.</summary>
    public static byte[] Request(string method, string target, IEnumerable<(string Name, string Value)> headers, byte[] body)
    {
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(head.Append("\r\n").ToString());
        return [.. bytes, .. body];
    }

    private static int StatusOf(string response)
    {
        // "HTTP/1.1 400 Bad Request"
        var parts = response.Split(' ', 3);
        return parts.Length >= 2 && parts[0].StartsWith("HTTP/", StringComparison.Ordinal)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status)
                ? status
                : 0;
    }
}
