using System.IO.Compression;
using System.Text;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Sources;
using HonchoBot.Core.Tests.TestSupport;

namespace HonchoBot.Core.Tests.Sources;

/// <summary>URL sources through the registry, against a loopback server reached only via the test dialer.</summary>
public sealed class SourceRegistryUrlTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private LoopbackServer _server = null!;
    private TestNetwork _network = null!;
    private RegistryHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _network = new TestNetwork(_server.Port);
        _harness = RegistryHarness.Create(network: _network, maxBytes: 256 * 1024);
        _server.MapBytes("/article", "text/html; charset=utf-8", await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ingest", "article.html")));
        _server.MapText("/secret", "text/plain", "internal secret that must never be added");
    }

    public async Task DisposeAsync()
    {
        _harness.Dispose();
        await _server.DisposeAsync();
    }

    private Task<SourceResult> AddUrlAsync(string url, Requester? requester = null) =>
        _harness.Registry.AddAsync(new SourceAddRequest(new SourceInput.FromUrl(url), new SourceMetadata()), requester ?? RegistryHarness.Moderator(), None);

    private string Port => _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_public_url_is_fetched_added_with_its_page_title_and_answerable()
    {
        var result = await AddUrlAsync("http://news.example.org/article");

        Assert.Equal(SourceOutcome.Done, result.Outcome);
        Assert.Equal("night-fighters-over-sinuiju", result.Source!.Id);
        Assert.Equal("http://news.example.org/article", result.Source.Url);
        Assert.Equal("Aviation Digest", result.Source.Publisher);
        Assert.Equal("2019-06-14", result.Source.Published);
        var answer = await _harness.AskAsync("What made the difference for the La-11 night fighter pilots?", "discord:100");
        Assert.Equal("night-fighters-over-sinuiju", answer.Citations[0].SourceId);
        var entry = await _harness.LastAuditAsync();
        Assert.Equal(("add", "done", "night-fighters-over-sinuiju"), (entry.Action, entry.Outcome, entry.SourceId));
        Assert.StartsWith("url http://news.example.org/article", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_url_twice_is_a_duplicate()
    {
        await AddUrlAsync("http://news.example.org/article");

        var again = await AddUrlAsync("http://NEWS.example.org/article/");
        var requestsAfterSecondAdd = _server.Requests.Count;

        Assert.Equal(SourceOutcome.Duplicate, again.Outcome);
        Assert.Equal("That URL is already in the library as night-fighters-over-sinuiju (\"Night Fighters Over Sinuiju\").", again.Message);
        Assert.Equal(1, requestsAfterSecondAdd);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/secret", "Refused to fetch 127.0.0.1: it points at 127.0.0.1")]
    [InlineData("http://[::1]:{port}/secret", "Refused to fetch ::1: it points at ::1")]
    [InlineData("http://10.0.0.1/secret", "Refused to fetch 10.0.0.1: it points at 10.0.0.1")]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/", "Refused to fetch 169.254.169.254: it points at 169.254.169.254")]
    [InlineData("http://sneaky.example.org:{port}/secret", "Refused to fetch sneaky.example.org: it points at 127.0.0.1")]
    [InlineData("http://localhost:{port}/secret", "Refused to fetch localhost: it points at 127.0.0.1")]
    [InlineData("file:///etc/passwd", "Only http:// and https:// URLs can be fetched.")]
    public async Task An_unsafe_url_is_refused_with_its_reason_and_audited(string url, string message)
    {
        url = url.Replace("{port}", Port, StringComparison.Ordinal);

        var result = await AddUrlAsync(url);

        Assert.Equal(SourceOutcome.UnsafeUrl, result.Outcome);
        Assert.StartsWith(message, result.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
        Assert.Empty(_network.Dials);
        Assert.False(Directory.Exists(_harness.SourcesPath) && Directory.EnumerateFiles(_harness.SourcesPath, "*.md").Any());
        var entry = await _harness.LastAuditAsync();
        Assert.Equal(("add", "unsafe_url", null), (entry.Action, entry.Outcome, entry.SourceId));
        Assert.Equal($"url {url}: {result.Message}", entry.Detail);
    }

    [Fact]
    public async Task A_public_url_that_redirects_to_a_private_address_is_refused_and_audited()
    {
        _server.MapRedirect("/story", $"http://127.0.0.1:{Port}/secret");

        var result = await AddUrlAsync("http://news.example.org/story");

        Assert.Equal(SourceOutcome.UnsafeUrl, result.Outcome);
        Assert.StartsWith("Refused to fetch 127.0.0.1: it points at 127.0.0.1", result.Message, StringComparison.Ordinal);
        Assert.Equal(["/story"], _server.Requests);
        var entry = await _harness.LastAuditAsync();
        Assert.Equal("unsafe_url", entry.Outcome);
    }

    [Fact]
    public async Task A_public_url_that_redirects_to_the_metadata_service_by_name_is_refused()
    {
        _server.MapRedirect("/story", "http://metadata.example.org/latest/meta-data/");

        var result = await AddUrlAsync("http://news.example.org/story");

        Assert.Equal(SourceOutcome.UnsafeUrl, result.Outcome);
        Assert.StartsWith("Refused to fetch metadata.example.org: it points at 169.254.169.254", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_network.Dials, d => d.Address.ToString() == "169.254.169.254");
    }

    [Fact]
    public async Task A_compressed_page_that_inflates_past_the_limit_is_refused_and_audited()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var line = Encoding.ASCII.GetBytes("<p>lorem ipsum dolor sit amet</p>\n");
            for (var i = 0; i < 100_000; i++)
            {
                gzip.Write(line);
            }
        }

        _server.MapBytes("/bomb.html", "text/html", compressed.ToArray(), contentEncoding: "gzip");

        var result = await AddUrlAsync("http://news.example.org/bomb.html");

        Assert.Equal(SourceOutcome.TooLarge, result.Outcome);
        Assert.Equal("The page is larger than the 262,144-byte limit (counted after decompression).", result.Message);
        Assert.Equal("too_large", (await _harness.LastAuditAsync()).Outcome);
    }

    [Fact]
    public async Task An_unknown_content_type_is_refused_and_audited()
    {
        _server.MapBytes("/photo", "image/jpeg", [0xFF, 0xD8, 0xFF]);

        var result = await AddUrlAsync("http://news.example.org/photo");

        Assert.Equal(SourceOutcome.Invalid, result.Outcome);
        Assert.Equal("The server sent image/jpeg; only HTML, plain text, Markdown and PDF can be added.", result.Message);
        Assert.Equal("invalid", (await _harness.LastAuditAsync()).Outcome);
    }

    [Fact]
    public async Task A_missing_page_is_a_failure_and_audited()
    {
        var result = await AddUrlAsync("http://news.example.org/gone");

        Assert.Equal(SourceOutcome.Failed, result.Outcome);
        Assert.Equal("The server answered 404 Not Found.", result.Message);
        Assert.Equal("failed", (await _harness.LastAuditAsync()).Outcome);
    }

    [Fact]
    public async Task A_non_moderator_url_is_refused_before_anything_is_fetched()
    {
        var result = await AddUrlAsync("http://news.example.org/article", RegistryHarness.Moderator(isModerator: false));

        Assert.Equal(SourceOutcome.NotModerator, result.Outcome);
        Assert.Empty(_server.Requests);
        Assert.Equal("not_moderator", (await _harness.LastAuditAsync()).Outcome);
    }

    [Fact]
    public async Task An_answer_about_the_secret_is_never_available_after_refusals()
    {
        await AddUrlAsync($"http://127.0.0.1:{Port}/secret");
        var answer = await _harness.AskAsync("What internal secret must never be added?");
        Assert.NotEqual(AnswerStatus.Answered, answer.Status);
    }
}
