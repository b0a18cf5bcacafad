using System.Net;
using System.Text.Json.Nodes;

namespace HonchoBot.Discord.Tests.Fakes;

/// <summary>Guards the guard: a lenient fake would only confirm a misreading of the protocol.</summary>
public sealed class FakeStrictnessTests : IAsyncLifetime
{
    private FakeDiscord _discord = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _discord.DisposeAsync();
    }

    private async Task<HttpStatusCode> SendAsync(string? auth, string? userAgent, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_discord.ApiBaseUrl}/channels/{Payloads.ChannelId}/messages")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        if (auth is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", auth);
        }

        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        return (await _http.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task The_fake_refuses_what_Discord_refuses()
    {
        const string good = """{"content":"hi","allowed_mentions":{"parse":[]}}""";
        const string ua = "DiscordBot (https://example.org, 1.0)";

        Assert.Equal(HttpStatusCode.OK, await SendAsync("Bot " + FakeDiscord.Token, ua, good));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(null, ua, good));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync("Bot wrong", ua, good));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync("Bot " + FakeDiscord.Token, null, good));
        Assert.Equal(HttpStatusCode.BadRequest, await SendAsync("Bot " + FakeDiscord.Token, ua, """{"content":"@everyone hi"}"""));
        Assert.Equal(4, _discord.Violations.Count);
    }

    private async Task<HttpStatusCode> UploadAsync(HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_discord.ApiBaseUrl}/channels/{Payloads.ChannelId}/messages") { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + FakeDiscord.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", "DiscordBot (https://example.org, 1.0)");
        return (await _http.SendAsync(request)).StatusCode;
    }

    private static MultipartFormDataContent Upload(string? payload, string? fileName, string partName = "files[0]", bool isPng = true)
    {
        var form = new MultipartFormDataContent();
        if (payload is not null)
        {
            form.Add(new StringContent(payload, System.Text.Encoding.UTF8, "application/json"), "payload_json");
        }

        var bytes = new ByteArrayContent(isPng ? [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3] : [1, 2, 3]);
        bytes.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        if (fileName is null)
        {
            form.Add(bytes, partName);
        }
        else
        {
            form.Add(bytes, partName, fileName);
        }

        return form;
    }

    [Fact]
    public async Task The_fake_accepts_a_well_formed_upload_and_refuses_malformed_ones()
    {
        const string good = """{"content":"hi","allowed_mentions":{"parse":[]},"attachments":[{"id":0,"filename":"chart.png"}],"embeds":[{"image":{"url":"attachment://chart.png"}}]}""";
        const string unlisted = """{"content":"hi","allowed_mentions":{"parse":[]}}""";
        const string otherImage = """{"content":"hi","allowed_mentions":{"parse":[]},"attachments":[{"id":0,"filename":"chart.png"}],"embeds":[{"image":{"url":"attachment://other.png"}}]}""";

        Assert.Equal(HttpStatusCode.OK, await UploadAsync(Upload(good, "chart.png")));
        Assert.Empty(_discord.Violations);

        Assert.Equal(HttpStatusCode.BadRequest, await UploadAsync(Upload(null, "chart.png")));
        Assert.Equal(HttpStatusCode.BadRequest, await UploadAsync(Upload(unlisted, "chart.png")));
        Assert.Equal(HttpStatusCode.BadRequest, await UploadAsync(Upload(otherImage, "chart.png")));
        Assert.Equal(HttpStatusCode.BadRequest, await UploadAsync(Upload(good, null)));
        Assert.Equal(HttpStatusCode.BadRequest, await UploadAsync(Upload(good, "chart.png", partName: "file")));
        Assert.Equal(HttpStatusCode.BadRequest, await UploadAsync(Upload(good, "chart.png", isPng: false)));
        Assert.Equal(HttpStatusCode.BadRequest, await UploadAsync(new StringContent("--x\r\nnot a part", System.Text.Encoding.UTF8, "multipart/form-data")));
        Assert.Equal(7, _discord.Requests.Count(r => r.Status == 400));
        Assert.True(_discord.Violations.Count >= 7);
    }

    [Fact]
    public async Task The_fake_refuses_a_request_inside_retry_after()
    {
        const string good = """{"content":"hi","allowed_mentions":{"parse":[]}}""";
        const string ua = "DiscordBot (https://example.org, 1.0)";
        _discord.RateLimitNext("/channels/", 5);

        Assert.Equal(HttpStatusCode.TooManyRequests, await SendAsync("Bot " + FakeDiscord.Token, ua, good));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SendAsync("Bot " + FakeDiscord.Token, ua, good));
        Assert.Single(_discord.Violations, v => v.Contains("before retry_after", StringComparison.Ordinal));
    }

    [Fact]
    public void MessageRules_FlagsOversizedEmbeds()
    {
        var message = new JsonObject
        {
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
            ["embeds"] = new JsonArray
            {
                new JsonObject
                {
                    ["title"] = new string('t', 257),
                    ["description"] = new string('d', 4097),
                    ["fields"] = new JsonArray(Enumerable.Range(0, 26).Select(_ => (JsonNode)new JsonObject { ["name"] = "n", ["value"] = new string('v', 1025) }).ToArray()),
                },
            },
        };

        var problems = MessageRules.Check(message);

        Assert.Contains(problems, p => p.StartsWith("embed title", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("embed description", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("26 fields", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("field value", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("embeds total", StringComparison.Ordinal));
    }
}
