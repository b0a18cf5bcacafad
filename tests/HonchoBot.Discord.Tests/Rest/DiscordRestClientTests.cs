using HonchoBot.Discord.Rest;
using HonchoBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Discord.Tests.Rest;

/// <summary>The REST client against the strict fake (docs/platform-protocols.md): headers, buckets, 429, retries.</summary>
public sealed class DiscordRestClientTests : IAsyncLifetime
{
    private FakeDiscord _discord = null!;
    private ServiceProvider _services = null!;
    private readonly LogSink _logs = new();

    private IDiscordRestClient Rest => _services.GetRequiredService<IDiscordRestClient>();

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _logs.OnLine = _discord.Changed.Pulse;
        var config = new ConfigurationBuilder().AddInMemoryCollection(BotHarness.DefaultConfig(_discord)).Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        services.AddHonchoDiscord(config);
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _discord.DisposeAsync();
    }

    private static DiscordMessage Hello(string text = "Sabre pilots claimed 792 MiG-15s.") => DiscordMessage.Text(text);

    [Fact]
    public async Task Every_request_carries_the_bot_token_and_the_DiscordBot_user_agent()
    {
        var result = await Rest.CreateMessageAsync(Payloads.ChannelId, Hello(), CancellationToken.None);

        Assert.True(result.IsSuccess);
        var request = Assert.Single(_discord.Requests);
        Assert.Equal("Bot " + FakeDiscord.Token, request.Authorization);
        Assert.StartsWith("DiscordBot (", request.UserAgent, StringComparison.Ordinal);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Empty(request.Json!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_then_succeeds_and_nothing_is_sent_early()
    {
        _discord.RateLimitNext($"/channels/{Payloads.ChannelId}/messages", retryAfterSeconds: 0.4);

        var result = await Rest.CreateMessageAsync(Payloads.ChannelId, Hello(), CancellationToken.None);

        Assert.True(result.IsSuccess);
        var requests = _discord.Requests;
        Assert.Equal([429, 200], requests.Select(r => r.Status));
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(390), $"retried after {(requests[1].ReceivedAt - requests[0].ReceivedAt).TotalMilliseconds} ms");
        Assert.Empty(_discord.Violations); // the fake flags any request inside retry_after
    }

    [Fact]
    public async Task A_429_blocks_the_whole_bucket_for_concurrent_senders()
    {
        _discord.RateLimitNext($"/channels/{Payloads.ChannelId}/messages", retryAfterSeconds: 0.3);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Rest.CreateMessageAsync(Payloads.ChannelId, Hello($"Reply {i}"), CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.IsSuccess));
        Assert.Single(_discord.Requests, r => r.Status == 429);
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task A_global_429_holds_every_bot_route()
    {
        _discord.RateLimitNext("/channels/", retryAfterSeconds: 0.3, global: true);

        var first = Rest.CreateMessageAsync(Payloads.ChannelId, Hello(), CancellationToken.None);
        await _discord.WaitForRequestsAsync(r => r.Status == 429, what: "the global 429");
        await _discord.Changed.WaitUntilAsync(() => _logs.Lines.Any(l => l.Contains("rate limited", StringComparison.Ordinal)), "the client to take in the 429");
        var other = await Rest.CreateMessageAsync("1300000000000000077", Hello(), CancellationToken.None);

        Assert.True((await first).IsSuccess);
        Assert.True(other.IsSuccess);
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task An_exhausted_bucket_learned_from_headers_is_waited_for_before_sending()
    {
        _discord.BucketLimit = 2;
        _discord.BucketWindow = TimeSpan.FromMilliseconds(300);

        for (var i = 0; i < 5; i++)
        {
            Assert.True((await Rest.CreateMessageAsync(Payloads.ChannelId, Hello($"Reply {i}"), CancellationToken.None)).IsSuccess);
        }

        Assert.Equal(5, _discord.Requests.Count);
        Assert.DoesNotContain(_discord.Requests, r => r.Status == 429);
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task A_server_error_is_retried_a_bounded_number_of_times()
    {
        for (var i = 0; i < 10; i++)
        {
            _discord.FailNext("/channels/", 502);
        }

        var result = await Rest.CreateMessageAsync(Payloads.ChannelId, Hello(), CancellationToken.None);

        Assert.Equal(502, result.StatusCode);
        Assert.Equal(4, _discord.Requests.Count);
    }

    [Fact]
    public async Task A_missing_permission_is_not_retried_and_is_logged_once_per_channel()
    {
        _discord.FailNext("/channels/", 403);
        _discord.FailNext("/channels/", 403);

        var first = await Rest.CreateMessageAsync(Payloads.ChannelId, Hello(), CancellationToken.None);
        var second = await Rest.CreateMessageAsync(Payloads.ChannelId, Hello(), CancellationToken.None);

        Assert.Equal(403, first.StatusCode);
        Assert.Equal(50013, first.ErrorCode);
        Assert.Equal(403, second.StatusCode);
        Assert.Equal(2, _discord.Requests.Count);
        Assert.Single(_logs.Lines, l => l.Contains("missing permission", StringComparison.Ordinal));
        Assert.Equal(2, _services.GetRequiredService<DiscordRestClient>().InvalidRequestCount);
    }

    [Fact]
    public async Task Interaction_routes_send_no_bot_token_and_logs_never_show_interaction_tokens()
    {
        var payload = Payloads.Command("ask");
        var interaction = _discord.NewInteraction(payload);
        _discord.FailNext("/interactions/", 503);

        var result = await Rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, HonchoBot.Discord.Rest.InteractionResponse.Defer(), CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.All(_discord.Requests, r => Assert.Null(r.Authorization));
        var logs = string.Join('\n', _logs.Lines);
        Assert.Contains("/interactions/{id}/{token}/callback", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(interaction.Token, logs, StringComparison.Ordinal);
    }
}
