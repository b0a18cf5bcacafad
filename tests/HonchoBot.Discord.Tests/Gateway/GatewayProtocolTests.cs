using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HonchoBot.Discord.Tests.Gateway;

/// <summary>More of docs/platform-protocols.md: op 1, replay on resume, shard settings, the daily identify limit.</summary>
public sealed class GatewayProtocolTests : IAsyncLifetime
{
    private FakeDiscord _discord = null!;

    public async Task InitializeAsync() => _discord = await FakeDiscord.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    private FakeGateway Gateway => _discord.Gateway;

    private Task WaitReadyAsync(BotHarness bot, int sessions = 1) =>
        Gateway.WaitUntilAsync(
            () => Gateway.Connections.Count > 0 && Gateway.Current.IsIdentified && bot.Health.Current.State == ConnectionState.Connected
                && Gateway.Sent(2).Count() + Gateway.Sent(6).Count() >= sessions,
            "READY");

    [Fact]
    public async Task A_heartbeat_request_is_answered_at_once()
    {
        // On a fake clock that never moves, no regular beat is ever due: any beat is the answer to op 1.
        await using var bot = await BotHarness.StartAsync(_discord, services: s => s.AddSingleton<TimeProvider>(new WatchedClock()));
        await WaitReadyAsync(bot);
        var before = Gateway.Sent(1).Count();

        await Gateway.Current.SendOpAsync(1);

        await Gateway.WaitForOpAsync(1, count: before + 1, "a heartbeat after op 1");
        Assert.Equal(before + 1, Gateway.Sent(1).Count());
        Assert.Equal(1, Gateway.Sent(1).Last().Data!.GetValue<int>());
    }

    [Fact]
    public async Task A_mention_sent_while_reconnecting_is_replayed_on_resume_and_answered()
    {
        var answerer = new Mock<IQuestionAnswerer>();
        answerer.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) => SampleAnswers.WithDisagreement(q.Text));
        await using var bot = await BotHarness.StartAsync(_discord, answerer: answerer);
        await WaitReadyAsync(bot);
        var first = Gateway.Current;

        first.Session!.AddMissed("MESSAGE_CREATE", Payloads.Message($"<@{FakeDiscord.BotUserId}> Who were the honchos?", [FakeDiscord.BotUserId]));
        await first.CloseAsync(4000, "Unknown error"); // resumable

        await _discord.WaitForRequestsAsync(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal), what: "the replayed question's answer");
        var resume = Gateway.Sent(6).Single();
        Assert.Equal(1, resume.Data!["seq"]!.GetValue<int>());
        answerer.Verify(a => a.AnswerAsync(It.Is<Question>(q => q.Text == "Who were the honchos?"), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task Close_4009_starts_a_new_session_instead_of_resuming()
    {
        await using var bot = await BotHarness.StartAsync(_discord);
        await WaitReadyAsync(bot);

        await Gateway.Current.CloseAsync(4009, "Session timed out");

        await Gateway.WaitForOpAsync(2, count: 2, "a new Identify");
        Assert.Empty(Gateway.Sent(6));
    }

    [Fact]
    public async Task Shard_settings_and_intents_come_from_configuration()
    {
        await using var bot = await BotHarness.StartAsync(_discord, c =>
        {
            c["Discord:ShardId"] = "1";
            c["Discord:ShardCount"] = "3";
            c["Discord:Intents"] = "37377";
        });

        await Gateway.WaitForOpAsync(2);

        var identify = Gateway.Sent(2).Single().Data!;
        Assert.Equal([1, 3], identify["shard"]!.AsArray().Select(n => n!.GetValue<int>()));
        Assert.Equal(37377, identify["intents"]!.GetValue<int>());
    }

    [Fact]
    public async Task Without_a_shard_count_the_one_gateway_bot_recommends_is_identified_with()
    {
        _discord.RecommendedShards = 4;
        await using var bot = await BotHarness.StartAsync(_discord, c => c["Discord:ShardId"] = "2");

        await Gateway.WaitForOpAsync(2);

        var identify = Gateway.Sent(2).Single().Data!;
        Assert.Equal([2, 4], identify["shard"]!.AsArray().Select(n => n!.GetValue<int>()));
    }

    [Fact]
    public async Task An_exhausted_daily_identify_limit_is_waited_out_before_identifying()
    {
        _discord.SessionStartRemaining = 0;
        _discord.SessionStartResetAfterMs = 700;
        await using var bot = await BotHarness.StartAsync(_discord);

        await Gateway.WaitForOpAsync(2);

        var discovered = _discord.Requests.First(r => r.Path == "/gateway/bot").ReceivedAt;
        Assert.True(Gateway.Sent(2).Single().At - discovered >= TimeSpan.FromMilliseconds(650));
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"op\":10,\"d\":{}}")]
    [InlineData("{\"op\":0,\"s\":5,\"t\":\"READY\",\"d\":{}}")]
    public async Task A_malformed_payload_costs_a_reconnect_not_the_process(string garbage)
    {
        await using var bot = await BotHarness.StartAsync(_discord);
        await WaitReadyAsync(bot);

        await Gateway.Current.SendRawAsync(garbage);

        await Gateway.WaitUntilAsync(() => Gateway.Connections.Count >= 2, "a reconnect");
        await WaitReadyAsync(bot, sessions: 2);
        Assert.Contains(bot.Logs.Lines, l => l.Contains("gateway session failed", StringComparison.OrdinalIgnoreCase));
        var lifetime = bot.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>();
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);
    }
}
