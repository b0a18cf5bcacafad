using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Gateway;
using HonchoBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace HonchoBot.Discord.Tests.Gateway;

/// <summary>Reconnect pacing (docs/platform-protocols.md): back-off that grows, identify concurrency, no tight loops.</summary>
public sealed class GatewayResilienceTests : IAsyncLifetime
{
    private FakeDiscord _discord = null!;

    public async Task InitializeAsync() => _discord = await FakeDiscord.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    [Fact]
    public async Task A_flapping_gateway_is_retried_with_growing_back_off_and_shown_as_retrying()
    {
        _discord.Gateway.CloseAfterHello = 4000;
        var clock = new WatchedClock();
        var started = clock.GetUtcNow();
        await using var bot = await BotHarness.StartAsync(_discord, services: s => s.AddSingleton<TimeProvider>(clock));

        // Step the fake clock until six attempts: every wait between them is on that clock, so a tight loop would
        // get there with the clock standing still, and a back-off that does not grow with far less time on it.
        await _discord.Changed.WaitUntilAsync(() =>
        {
            if (_discord.Gateway.Connections.Count >= 6)
            {
                return true;
            }

            clock.Advance(TimeSpan.FromMilliseconds(10));
            return false;
        }, "six attempts", recheck: TimeSpan.FromMilliseconds(20));

        var health = bot.Health.Current;
        Assert.Equal(ConnectionState.Retrying, health.State);
        Assert.True(health.IsReady); // retrying normally is not a readiness failure
        Assert.Contains("4000", health.Reason, StringComparison.Ordinal);
        var closes = _discord.Gateway.Events.Where(e => e.IsClose).Select(e => e.At).ToList();

        // Test back-off: 20 ms doubling per failure to a 200 ms cap, jitter 0.5–1. Before attempts 2 to 6 the
        // ceilings are 40, 80, 160, 200 and 200 ms, so at least half their sum must have passed on the clock.
        var waited = clock.GetUtcNow() - started;
        Assert.True(waited >= TimeSpan.FromMilliseconds(340), $"six attempts after {waited.TotalMilliseconds} ms of fake time");
        Assert.True(closes.Count >= 5);
    }

    [Fact]
    public async Task Identifies_are_spaced_by_the_identify_window()
    {
        // On the fake clock: the first Identify goes out before the clock ever moves, so the second may go out only
        // once the clock has been stepped a whole identify window on. Receive times would say nothing on a busy
        // machine, where one message can sit in a socket longer than another.
        var clock = new WatchedClock();
        var started = clock.GetUtcNow();
        await using var bot = await BotHarness.StartAsync(_discord, services: s => s
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(new GatewayTimings
            {
                ReconnectBase = TimeSpan.FromMilliseconds(10),
                ReconnectCap = TimeSpan.FromMilliseconds(50),
                IdentifyWindow = TimeSpan.FromMilliseconds(700),
                InvalidSessionMin = TimeSpan.FromMilliseconds(5),
                InvalidSessionMax = TimeSpan.FromMilliseconds(10),
            }));
        await _discord.Gateway.WaitUntilAsync(() => _discord.Gateway.Connections.Count > 0 && _discord.Gateway.Current.IsIdentified, "READY");
        Assert.Equal(started, clock.GetUtcNow());

        await _discord.Gateway.Current.SendOpAsync(9, false);
        await _discord.Changed.WaitUntilAsync(() =>
        {
            if (_discord.Gateway.Sent(2).Count() >= 2)
            {
                return true;
            }

            clock.Advance(TimeSpan.FromMilliseconds(10));
            return false;
        }, "a second Identify", recheck: TimeSpan.FromMilliseconds(20));

        var waited = clock.GetUtcNow() - started;
        Assert.True(waited >= TimeSpan.FromMilliseconds(700), $"second Identify after {waited.TotalMilliseconds} ms of fake time");
    }

    [Fact]
    public async Task A_configured_gateway_url_is_used_without_discovery()
    {
        await using var bot = await BotHarness.StartAsync(_discord, c => c["Discord:GatewayUrl"] = _discord.GatewayUrl);

        await _discord.Gateway.WaitForOpAsync(2);

        Assert.DoesNotContain(_discord.Requests, r => r.Path == "/gateway/bot");
        Assert.Contains("v=10", _discord.Gateway.Current.Query, StringComparison.Ordinal);
        Assert.Empty(_discord.Violations);
    }
}
