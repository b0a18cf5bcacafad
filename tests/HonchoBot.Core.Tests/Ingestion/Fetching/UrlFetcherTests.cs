using System.IO.Compression;
using System.Net;
using HonchoBot.Core.Ingestion;
using HonchoBot.Core.Ingestion.Fetching;
using HonchoBot.Core.Sources;
using HonchoBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HonchoBot.Core.Tests.Ingestion.Fetching;

/// <summary>The fetcher against a Kestrel server on 127.0.0.1; public-looking hosts reach it only through the test dialer.</summary>
public sealed class UrlFetcherTests : IAsyncLifetime
{
    private const string Page = "<html><head><title>Ok</title></head><body><p>The page text about MiG Alley.</p></body></html>";
    private LoopbackServer _server = null!;
    private TestNetwork _network = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _network = new TestNetwork(_server.Port);
        _server.MapText("/article", "text/html; charset=utf-8", Page);
        _server.MapText("/secret", "text/plain", "internal secret");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private UrlFetcher Fetcher(long maxBytes = 10 * 1024 * 1024, bool allowPrivate = false, TimeProvider? time = null) =>
        new(Options.Create(new SourceOptions { MaxBytes = maxBytes, FetchTimeoutSeconds = 5, AllowPrivateNetworks = allowPrivate }), _network, _network, time ?? TimeProvider.System);

    [Fact]
    public async Task FetchAsync_PublicHost_ReturnsTheBodyAndItsKind()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync("http://news.example.org/article", CancellationToken.None);

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(ContentKind.Html, result.Kind);
        Assert.Equal("utf-8", result.Charset);
        Assert.Equal(Page, System.Text.Encoding.UTF8.GetString(result.Body!));
        Assert.Equal(TestNetwork.PublicA, Assert.Single(_network.Dials).Address);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/secret", "refused to fetch 127.0.0.1: it points at 127.0.0.1")]
    [InlineData("http://[::1]:{port}/secret", "refused to fetch ::1: it points at ::1")]
    [InlineData("http://10.0.0.1/secret", "refused to fetch 10.0.0.1: it points at 10.0.0.1")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "refused to fetch 169.254.169.254: it points at 169.254.169.254")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/secret", "refused to fetch ::ffff:127.0.0.1: it points at ::ffff:127.0.0.1")]
    [InlineData("http://sneaky.example.org:{port}/secret", "refused to fetch sneaky.example.org: it points at 127.0.0.1")]
    [InlineData("http://sneaky6.example.org:{port}/secret", "refused to fetch sneaky6.example.org: it points at ::1")]
    [InlineData("http://localhost:{port}/secret", "refused to fetch localhost: it points at 127.0.0.1")]
    [InlineData("http://metadata.example.org/latest/meta-data/", "refused to fetch metadata.example.org: it points at 169.254.169.254")]
    [InlineData("http://mixed.example.org/secret", "refused to fetch mixed.example.org: it points at 10.0.0.1")]
    public async Task FetchAsync_NonPublicTarget_IsRefusedWithoutAnyConnection(string url, string message)
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(url.Replace("{port}", _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), CancellationToken.None);

        Assert.Equal(FetchStatus.UnsafeUrl, result.Status);
        Assert.StartsWith(message, result.Message, StringComparison.Ordinal);
        Assert.Empty(_network.Dials);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("http://2130706433:{port}/secret")]
    [InlineData("http://0x7f000001:{port}/secret")]
    [InlineData("http://127.1:{port}/secret")]
    [InlineData("http://0177.0.0.1:{port}/secret")]
    [InlineData("http://0.0.0.0:{port}/secret")]
    public async Task FetchAsync_LoopbackInOtherNotations_IsRefused(string url)
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(url.Replace("{port}", _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), CancellationToken.None);

        Assert.Equal(FetchStatus.UnsafeUrl, result.Status);
        Assert.StartsWith("refused to fetch ", result.Message, StringComparison.Ordinal);
        Assert.Empty(_network.Dials);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("ftp://news.example.org/file.txt")]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://news.example.org/")]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    public async Task FetchAsync_NonHttpUrl_IsRefused(string url)
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(url, CancellationToken.None);

        Assert.Equal(FetchStatus.UnsafeUrl, result.Status);
        Assert.Equal("only http:// and https:// URLs can be fetched", result.Message);
    }

    [Fact]
    public async Task FetchAsync_RedirectToLoopbackAddress_IsRefusedBeforeTheSecondRequest()
    {
        _server.MapRedirect("/moved", $"http://127.0.0.1:{_server.Port}/secret");
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync("http://news.example.org/moved", CancellationToken.None);

        Assert.Equal(FetchStatus.UnsafeUrl, result.Status);
        Assert.StartsWith("refused to fetch 127.0.0.1", result.Message, StringComparison.Ordinal);
        Assert.Equal(["/moved"], _server.Requests);
    }

    [Fact]
    public async Task FetchAsync_RedirectToHostResolvingToPrivate_IsRefusedAtConnect()
    {
        _server.MapRedirect("/moved", "http://mixed.example.org/secret", 307);
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync("http://news.example.org/moved", CancellationToken.None);

        Assert.Equal(FetchStatus.UnsafeUrl, result.Status);
        Assert.StartsWith("refused to fetch mixed.example.org: it points at 10.0.0.1", result.Message, StringComparison.Ordinal);
        Assert.Equal(["/moved"], _server.Requests);
        Assert.DoesNotContain(_network.Dials, d => d.Address.Equals(TestNetwork.PublicB));
    }

    [Fact]
    public async Task FetchAsync_RedirectToFileScheme_IsRefused()
    {
        _server.MapRedirect("/moved", "file:///etc/passwd");
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync("http://news.example.org/moved", CancellationToken.None);

        Assert.Equal(FetchStatus.UnsafeUrl, result.Status);
        Assert.Equal("a redirect led to a file: URL; only http and https are fetched", result.Message);
    }

    [Fact]
    public async Task FetchAsync_ThreeRedirects_AreFollowed()
    {
        _server.MapRedirect("/r1", "/r2");
        _server.MapRedirect("/r2", "http://archive.example.net/r3", 301);
        _server.MapRedirect("/r3", "/article", 308);
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync("http://news.example.org/r1", CancellationToken.None);

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(new Uri("http://archive.example.net/article"), result.FinalUri);
        Assert.Equal(["/r1", "/r2", "/r3", "/article"], _server.Requests);
    }

    [Fact]
    public async Task FetchAsync_FourRedirects_AreRefused()
    {
        _server.MapRedirect("/r1", "/r2");
        _server.MapRedirect("/r2", "/r3");
        _server.MapRedirect("/r3", "/r4");
        _server.MapRedirect("/r4", "/article");
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync("http://news.example.org/r1", CancellationToken.None);

        Assert.Equal(FetchStatus.Invalid, result.Status);
        Assert.Equal("the URL redirects more than 3 times", result.Message);
        Assert.DoesNotContain("/article", _server.Requests);
    }

    [Fact]
    public async Task FetchAsync_BodyOverTheLimit_IsTooLarge()
    {
        _server.MapBytes("/big", "text/plain", new byte[3000]);
        using var fetcher = Fetcher(maxBytes: 2048);

        var result = await fetcher.FetchAsync("http://news.example.org/big", CancellationToken.None);

        Assert.Equal(FetchStatus.TooLarge, result.Status);
        Assert.Equal("the page is 3,000 bytes; the limit is 2,048", result.Message);
    }

    [Fact]
    public async Task FetchAsync_ChunkedBodyOverTheLimit_IsStoppedWhileStreaming()
    {
        var written = 0;
        _server.Map("/endless", async context =>
        {
            context.Response.ContentType = "text/plain";
            var chunk = new byte[4096];
            Array.Fill(chunk, (byte)'a');
            try
            {
                // 400 MB: far more than loopback socket buffers hold, so only a client that hangs up stops it early.
                for (var i = 0; i < 100_000; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    Interlocked.Add(ref written, chunk.Length);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // The client hung up at the cap: the point of the test.
            }
        });
        using var fetcher = Fetcher(maxBytes: 64 * 1024);

        var result = await fetcher.FetchAsync("http://news.example.org/endless", CancellationToken.None);

        Assert.Equal(FetchStatus.TooLarge, result.Status);
        Assert.Equal("the page is larger than the 65,536-byte limit (counted after decompression)", result.Message);
        Assert.True(Volatile.Read(ref written) < 4096 * 100_000);
    }

    [Fact]
    public async Task FetchAsync_GzipBomb_IsStoppedAtTheDecompressedLimit()
    {
        // 50 MB of zeros compress to about 50 KB: the compressed size passes, the decompressed count must not.
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 50; i++)
            {
                gzip.Write(zeros);
            }
        }

        Assert.True(compressed.Length < 1024 * 1024);
        _server.MapBytes("/bomb", "text/plain", compressed.ToArray(), contentEncoding: "gzip");
        using var fetcher = Fetcher(maxBytes: 1024 * 1024);

        var result = await fetcher.FetchAsync("http://news.example.org/bomb", CancellationToken.None);

        Assert.Equal(FetchStatus.TooLarge, result.Status);
        Assert.Equal("the page is larger than the 1,048,576-byte limit (counted after decompression)", result.Message);
    }

    [Fact]
    public async Task FetchAsync_GzipBody_IsDecompressed()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("Compressed page text."u8);
        }

        _server.MapBytes("/gz", "text/plain; charset=utf-8", compressed.ToArray(), contentEncoding: "gzip");
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync("http://news.example.org/gz", CancellationToken.None);

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal("Compressed page text.", System.Text.Encoding.UTF8.GetString(result.Body!));
    }

    [Fact]
    public async Task FetchAsync_UnknownContentType_IsRefused()
    {
        _server.MapBytes("/image", "image/png", [0x89, 0x50, 0x4E, 0x47]);
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync("http://news.example.org/image", CancellationToken.None);

        Assert.Equal(FetchStatus.Invalid, result.Status);
        Assert.Equal("the server sent image/png; only HTML, plain text, Markdown and PDF can be added", result.Message);
    }

    [Fact]
    public async Task FetchAsync_NoContentTypeButPdfPath_IsTakenAsPdf()
    {
        _server.MapBytes("/report.pdf", null, TestDocuments.PlainHandWrittenPdf());
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync("http://news.example.org/report.pdf", CancellationToken.None);

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(ContentKind.Pdf, result.Kind);
    }

    [Fact]
    public async Task FetchAsync_ServerError_IsAFailureWithTheStatus()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync("http://news.example.org/missing", CancellationToken.None);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal("the server answered 404 Not Found", result.Message);
    }

    [Fact]
    public async Task FetchAsync_UnknownHost_IsAFailure()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync("http://nowhere.example.org/", CancellationToken.None);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal("the host nowhere.example.org could not be found", result.Message);
    }

    [Fact]
    public async Task FetchAsync_SlowServer_TimesOutOnTheDeadline()
    {
        var time = new FakeTimeProvider();
        var requested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Map("/slow", async context =>
        {
            requested.TrySetResult();
            await release.Task.WaitAsync(TimeSpan.FromSeconds(10));
        });
        using var fetcher = Fetcher(time: time);

        var fetch = fetcher.FetchAsync("http://news.example.org/slow", CancellationToken.None);
        await requested.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(6));
        var result = await fetch.WaitAsync(TimeSpan.FromSeconds(10));
        release.TrySetResult();

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal("the fetch took longer than 5 s", result.Message);
    }

    [Fact]
    public async Task FetchAsync_PrivateAddressWhenAllowed_IsFetched()
    {
        using var fetcher = Fetcher(allowPrivate: true);
        var result = await fetcher.FetchAsync($"http://127.0.0.1:{_server.Port}/article", CancellationToken.None);

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(IPAddress.Loopback, Assert.Single(_network.Dials).Address);
    }
}
