using HonchoBot.Slack.Rendering;
using HonchoBot.Slack.Tests.Fakes;
using HonchoBot.Slack.WebApi;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HonchoBot.Slack.Tests.WebApi;

/// <summary>The Web API client against the strict fake Slack (docs/platform-protocols.md).</summary>
public sealed class SlackApiClientTests : IAsyncLifetime
{
    private FakeSlack _fake = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSlack.StartAsync();
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private SlackApiClient Client(string? botToken = FakeSlack.BotToken, string? apiBaseUrl = null, TimeProvider? time = null)
    {
        var options = Options.Create(new SlackOptions
        {
            Enabled = true,
            BotToken = botToken,
            AppToken = FakeSlack.AppToken,
            ApiBaseUrl = apiBaseUrl ?? _fake.ApiBaseUrl,
        });
        return new SlackApiClient(_http, options, new SlackHostPolicy(options), time ?? TimeProvider.System, NullLogger<SlackApiClient>.Instance);
    }

    [Fact]
    public async Task AuthTestAsync_ReturnsTheBotsOwnIds()
    {
        var info = await Client().AuthTestAsync(CancellationToken.None);

        Assert.Equal(FakeSlack.BotUserId, info.UserId);
        Assert.Equal(FakeSlack.BotId, info.BotId);
        Assert.Equal(FakeSlack.TeamId, info.TeamId);
        Assert.Equal("Bearer " + FakeSlack.BotToken, Assert.Single(_fake.Calls).Authorization);
    }

    [Fact]
    public async Task AuthTestAsync_WrongToken_SurfacesInvalidAuthAsFatal()
    {
        var ex = await Assert.ThrowsAsync<SlackApiException>(() => Client(botToken: "xoxb-wrong").AuthTestAsync(CancellationToken.None));

        Assert.Equal("invalid_auth", ex.Error);
        Assert.Equal("auth.test", ex.Method);
        Assert.True(ex.IsFatalAuth);
    }

    [Fact]
    public async Task PostMessageAsync_OkFalse_SurfacesSlacksErrorString()
    {
        var ex = await Assert.ThrowsAsync<SlackApiException>(() =>
            Client().PostMessageAsync("C0CHAN01", null, new SlackMessage(""), CancellationToken.None));

        Assert.Equal("no_text", ex.Error);
        Assert.False(ex.IsFatalAuth);
    }

    [Fact]
    public async Task PostMessageAsync_InThread_SendsThreadTsTextAndBlocksAsJson()
    {
        var ts = await Client().PostMessageAsync("C0CHAN01", "1700000000.000100", SlackMessage.Plain("hello &amp; welcome"), CancellationToken.None);

        Assert.NotNull(ts);
        var call = Assert.Single(_fake.Calls);
        Assert.Equal("chat.postMessage", call.Method);
        Assert.Equal("1700000000.000100", call.Get("thread_ts"));
        Assert.Equal("hello &amp; welcome", call.Get("text"));
        Assert.Contains("hello &amp; welcome", call.BlockText(), StringComparison.Ordinal);
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task A_429_waits_Retry_After_for_that_method_only()
    {
        // The client and the fake share a fake clock: the fake records any call made before Retry-After has passed.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _fake.Clock = time;
        var client = Client(time: time);
        _fake.RateLimitNext("chat.postMessage", retryAfterSeconds: 2);

        var posting = client.PostMessageAsync("C0CHAN01", null, SlackMessage.Plain("after the limit"), CancellationToken.None);
        await _fake.WaitForMethodAsync("chat.postMessage");

        // Another method is not held back by chat.postMessage's limit: it completes with the clock standing still.
        await client.PostEphemeralAsync("C0CHAN01", "U0USER01", null, SlackMessage.Plain("meanwhile"), CancellationToken.None);
        Assert.False(posting.IsCompleted, "postMessage retried without waiting for its Retry-After");

        // Step the clock (the wait may be registered a moment after the 429 arrives) until postMessage retries.
        await Eventually.TrueAsync(() =>
        {
            if (posting.IsCompleted)
            {
                return true;
            }

            time.Advance(TimeSpan.FromMilliseconds(250));
            return false;
        }, "postMessage to retry");
        await posting;
        var posts = _fake.Calls.Where(c => c.Method == "chat.postMessage").ToList();
        Assert.Equal(2, posts.Count);
        Assert.True(posts[1].At - posts[0].At >= TimeSpan.FromSeconds(2), $"postMessage retried after {posts[1].At - posts[0].At} of fake time");
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task RespondAsync_PostsToTheResponseUrlWithoutTheBotToken()
    {
        await Client().RespondAsync(_fake.NewResponseUrl(), SlackMessage.Plain("answer"), isInChannel: true, CancellationToken.None);

        var call = Assert.Single(_fake.Calls);
        Assert.Equal("response_url", call.Method);
        Assert.Null(call.Authorization);
        Assert.Equal("in_channel", call.Get("response_type"));
    }

    [Theory]
    [InlineData("https://evil.example/commands/T1/2/3")]
    [InlineData("https://hooks.slack.com.evil.example/commands/T1/2/3")]
    [InlineData("http://hooks.slack.com/commands/T1/2/3")]
    public async Task RespondAsync_UntrustedHost_IsRefusedWithoutSending(string url)
    {
        var ex = await Assert.ThrowsAsync<SlackApiException>(() =>
            Client().RespondAsync(url, SlackMessage.Plain("x"), false, CancellationToken.None));

        Assert.Equal("untrusted_host", ex.Error);
        Assert.Empty(_fake.Calls);
    }

    [Fact]
    public async Task UploadFileAsync_ReservesUploadsAndSharesTheFileInTheChannel()
    {
        byte[] content = [1, 2, 3, 4, 5];

        var id = await Client().UploadFileAsync("C0CHAN01", null, "chart.png", "A chart", content, CancellationToken.None);

        var upload = _fake.Uploads[id];
        Assert.True(upload.IsCompleted);
        Assert.Equal(content, upload.Content);
        Assert.Equal("C0CHAN01", upload.Channel);
        Assert.Null(upload.ThreadTs);
        Assert.Equal("A chart", upload.Title);
        Assert.Equal(["files.getUploadURLExternal", "upload_url", "files.completeUploadExternal"], _fake.Calls.Select(c => c.Method));
        Assert.Empty(_fake.Violations);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://files.slack.com")]
    public async Task UploadFileAsync_UploadUrlOffSlackHosts_IsRefusedBeforeTheBytesLeave(string origin)
    {
        _fake.UploadOrigin = origin;

        var ex = await Assert.ThrowsAsync<SlackApiException>(() =>
            Client().UploadFileAsync("C0CHAN01", "1700000000.000100", "chart.png", "A chart", [1, 2, 3], CancellationToken.None));

        Assert.Equal("untrusted_host", ex.Error);
        Assert.Equal(["files.getUploadURLExternal"], _fake.Calls.Select(c => c.Method));
    }

    [Theory]
    [InlineData("https://evil.example/files-pri/T1-F1/doc.md")]
    [InlineData("https://files.slack.com.evil.example/files-pri/T1-F1/doc.md")]
    [InlineData("http://127.0.0.2:80/files-pri/T1-F1/doc.md")]
    public async Task DownloadFileAsync_OffSlackHosts_NeverSendsTheToken(string url)
    {
        var ex = await Assert.ThrowsAsync<SlackApiException>(() => Client().DownloadFileAsync(url, 1024, CancellationToken.None));

        Assert.Equal("untrusted_host", ex.Error);
        Assert.Empty(_fake.Calls);
    }

    [Fact]
    public async Task FilesInfoAndDownload_FetchThePrivateUrlWithTheBearerToken()
    {
        var content = "---\ntitle: Notes\n---\nMiG Alley notes."u8.ToArray();
        _fake.Files["F0FILE01"] = new FakeFile("F0FILE01", "notes.md", "Notes", content);
        var client = Client();

        var info = await client.GetFileInfoAsync("F0FILE01", CancellationToken.None);
        var bytes = await client.DownloadFileAsync(info.UrlPrivateDownload!, 1024, CancellationToken.None);

        Assert.Equal(content, bytes);
        Assert.Equal("Bearer " + FakeSlack.BotToken, _fake.Calls.Single(c => c.Method == "files.download").Authorization);
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task DownloadFileAsync_LargerThanTheLimit_IsRefused()
    {
        _fake.Files["F0BIG001"] = new FakeFile("F0BIG001", "big.txt", "Big", new byte[4096]);
        var client = Client();
        var info = await client.GetFileInfoAsync("F0BIG001", CancellationToken.None);

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => client.DownloadFileAsync(info.UrlPrivate!, 1000, CancellationToken.None));
        Assert.Equal("file_too_large", ex.Error);
    }

    [Fact]
    public async Task OpenSocketModeUrlAsync_UsesTheAppTokenNotTheBotToken()
    {
        var url = await Client().OpenSocketModeUrlAsync(CancellationToken.None);

        Assert.Equal("ws", url.Scheme);
        Assert.Contains("ticket=", url.Query, StringComparison.Ordinal);
        Assert.Equal("Bearer " + FakeSlack.AppToken, Assert.Single(_fake.Calls).Authorization);
    }
}
