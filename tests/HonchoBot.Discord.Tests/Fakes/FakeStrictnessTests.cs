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
