using System.Globalization;
using System.Net;
using HonchoBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HonchoBot.Discord.Tests.Interactions;

/// <summary>A captured interaction cannot be replayed: its timestamp must be a number near now, and its id is accepted once.</summary>
public sealed class ReplayTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-23T12:00:00Z", CultureInfo.InvariantCulture));
    private FakeDiscord _discord = null!;
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _bot = await BotHarness.StartAsync(_discord, c => c["Discord:Token"] = string.Empty, services: s => s.AddSingleton<TimeProvider>(_time));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _discord.DisposeAsync();
    }

    private long Now => _time.GetUtcNow().ToUnixTimeSeconds();

    private Task<HttpResponseMessage> SendSignedAsync(string body, string timestamp) =>
        _bot.Http.SendAsync(FakeDiscord.SignedRequest(body, timestamp, FakeDiscord.Sign(timestamp + body)));

    [Theory]
    [InlineData("hello")]
    [InlineData("1.7e9")]
    [InlineData("-1")]
    [InlineData("0x6B0D8E00")]
    [InlineData("99999999999999999999")]
    public async Task A_signed_interaction_whose_timestamp_is_not_a_number_gets_401(string timestamp)
    {
        var response = await SendSignedAsync(Payloads.Ping().ToJsonString(), timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(-3600)] // an hour ago
    [InlineData(-365 * 24 * 3600)] // a year ago
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(3600)]
    public async Task A_signed_interaction_more_than_five_minutes_from_now_gets_401(int offsetSeconds)
    {
        var timestamp = (Now + offsetSeconds).ToString(CultureInfo.InvariantCulture);

        var response = await SendSignedAsync(Payloads.Ping().ToJsonString(), timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(0)]
    [InlineData(300)]
    public async Task A_signed_interaction_within_five_minutes_of_now_is_answered(int offsetSeconds)
    {
        var timestamp = (Now + offsetSeconds).ToString(CultureInfo.InvariantCulture);

        var response = await SendSignedAsync(Payloads.Ping().ToJsonString(), timestamp);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_same_signed_interaction_sent_again_within_the_window_gets_401()
    {
        var body = Payloads.Ping().ToJsonString();
        var timestamp = Now.ToString(CultureInfo.InvariantCulture);

        var first = await SendSignedAsync(body, timestamp);
        _time.Advance(TimeSpan.FromMinutes(4));
        var replay = await SendSignedAsync(body, timestamp);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }
}
