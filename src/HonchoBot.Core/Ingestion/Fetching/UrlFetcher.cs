using System.Net;
using System.Net.Http.Headers;
using HonchoBot.Core.Sources;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Ingestion.Fetching;

/// <summary>
/// Fetches a person-supplied URL behind an SSRF guard (docs/architecture.md, "A source's path"): http and
/// https only; the host of every hop is resolved and EVERY resolved address must pass
/// <see cref="AddressPolicy"/> — checked inside <see cref="SocketsHttpHandler.ConnectCallback"/>, on the
/// very addresses that get dialled, so DNS rebinding between check and connect gains nothing; redirects
/// are followed by hand (at most 3), each re-checked; no proxy (an environment proxy would bypass the
/// check); one deadline covers connect, headers and body; the size cap counts decompressed bytes while
/// they stream, so a gzip bomb stops at the cap; unknown content types are refused.
/// </summary>
public sealed class UrlFetcher : IDisposable
{
    /// <summary>Redirects followed before giving up.</summary>
    public const int MaxRedirects = 3;

    private readonly SourceOptions _options;
    private readonly IHostResolver _resolver;
    private readonly IConnectionDialer _dialer;
    private readonly TimeProvider _time;
    private readonly HttpClient _client;

    public UrlFetcher(IOptions<SourceOptions> options, IHostResolver resolver, IConnectionDialer dialer, TimeProvider time)
    {
        _options = options.Value;
        _resolver = resolver;
        _dialer = dialer;
        _time = time;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(_options.FetchTimeoutSeconds),
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("HonchoBot/1.0 (source fetcher)");
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html, application/xhtml+xml, text/plain, text/markdown, application/pdf;q=0.9");
    }

    /// <summary>Fetches <paramref name="url"/>. Only the caller's cancellation throws.</summary>
    public async Task<FetchResult> FetchAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return new FetchResult(FetchStatus.UnsafeUrl, "only http:// and https:// URLs can be fetched");
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(_options.FetchTimeoutSeconds), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (CheckUri(uri) is { } refusal)
                {
                    return refusal;
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                if (IsRedirect(response.StatusCode))
                {
                    if (hop >= MaxRedirects)
                    {
                        return new FetchResult(FetchStatus.Invalid, $"the URL redirects more than {MaxRedirects} times");
                    }

                    if (response.Headers.Location is not { } location)
                    {
                        return new FetchResult(FetchStatus.Failed, "the server sent a redirect without a Location");
                    }

                    uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    return new FetchResult(FetchStatus.Failed, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
                }

                return await ReadBodyAsync(uri, response, linked.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FetchResult(FetchStatus.Failed, $"the fetch took longer than {_options.FetchTimeoutSeconds} s");
        }
        catch (HttpRequestException ex) when (Find<UnsafeAddressException>(ex) is { } unsafeAddress)
        {
            return new FetchResult(FetchStatus.UnsafeUrl, unsafeAddress.Message);
        }
        catch (HttpRequestException ex) when (Find<HostNotFoundException>(ex) is { } notFound)
        {
            return new FetchResult(FetchStatus.Failed, notFound.Message);
        }
        catch (HttpRequestException ex)
        {
            return new FetchResult(FetchStatus.Failed, $"the fetch failed ({ex.HttpRequestError})");
        }
        catch (IOException)
        {
            return new FetchResult(FetchStatus.Failed, "the connection broke while reading");
        }
        catch (InvalidDataException)
        {
            return new FetchResult(FetchStatus.Failed, "the server sent a corrupt compressed body");
        }
    }

    private FetchResult? CheckUri(Uri uri)
    {
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return new FetchResult(FetchStatus.UnsafeUrl, $"a redirect led to a {uri.Scheme}: URL; only http and https are fetched");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return new FetchResult(FetchStatus.UnsafeUrl, "URLs with a user name or password are not fetched");
        }

        // Literal addresses are refused before any request; host names are checked at connect time.
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            && IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal)
            && !_options.AllowPrivateNetworks
            && !AddressPolicy.IsPublic(literal))
        {
            return new FetchResult(FetchStatus.UnsafeUrl, UnsafeAddressException.Describe(uri.IdnHost, literal));
        }

        return null;
    }

    private async Task<FetchResult> ReadBodyAsync(Uri uri, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var max = _options.MaxBytes;
        var contentType = response.Content.Headers.ContentType;
        if (!TryKind(contentType, uri, out var kind))
        {
            return new FetchResult(FetchStatus.Invalid, $"the server sent {contentType?.MediaType ?? "no content type"}; only HTML, plain text, Markdown and PDF can be added");
        }

        // Content-Length is the compressed size when encoded: a first check only, the stream count decides.
        if (response.Content.Headers.ContentLength is { } declared && declared > max)
        {
            return new FetchResult(FetchStatus.TooLarge, $"the page is {declared:N0} bytes; the limit is {max:N0}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return new FetchResult(FetchStatus.TooLarge, $"the page is larger than the {max:N0}-byte limit (counted after decompression)");
            }

            buffer.Write(chunk, 0, read);
        }

        return new FetchResult(FetchStatus.Ok, "fetched", buffer.ToArray(), kind, contentType?.CharSet, uri);
    }

    private static bool TryKind(MediaTypeHeaderValue? contentType, Uri uri, out ContentKind kind)
    {
        if (ContentKinds.TryFromMediaType(contentType?.MediaType, out kind))
        {
            return true;
        }

        // Servers that send no type (or a generic binary one) get a second chance from the path's extension.
        return (contentType?.MediaType is null || contentType.MediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase))
            && ContentKinds.TryFromFileName(uri.AbsolutePath, out kind);
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await _resolver.ResolveAsync(host, cancellationToken);
            }
            catch (System.Net.Sockets.SocketException)
            {
                throw new HostNotFoundException(host);
            }
        }

        if (addresses.Length == 0)
        {
            throw new HostNotFoundException(host);
        }

        if (!_options.AllowPrivateNetworks)
        {
            // Every address, not just the first: a name that also resolves to a private address is refused.
            foreach (var address in addresses)
            {
                if (!AddressPolicy.IsPublic(address))
                {
                    throw new UnsafeAddressException(host, address);
                }
            }
        }

        Exception? last = null;
        foreach (var address in addresses)
        {
            try
            {
                return await _dialer.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
            {
                last = ex;
            }
        }

        throw new IOException($"could not connect to {host}", last);
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }

    public void Dispose() => _client.Dispose();
}
