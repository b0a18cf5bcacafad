using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Interactions;
using HonchoBot.Discord.Tests.Fakes;
using HonchoBot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HonchoBot.Discord.Tests.Gateway;

public sealed class GatewayInteractionTests : IAsyncLifetime
{
    private FakeDiscord _discord = null!;

    public async Task InitializeAsync() => _discord = await FakeDiscord.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    [Fact]
    public async Task A_burst_of_slow_commands_over_the_gateway_is_acknowledged_in_parallel_within_the_deadline()
    {
        var release = new TaskCompletionSource<Answer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var answerer = new Mock<IQuestionAnswerer>();
        answerer.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>())).Returns(release.Task);
        var inlineWait = TimeSpan.FromMilliseconds(1234);
        var clock = new WatchedClock();
        await using var bot = await BotHarness.StartAsync(
            _discord,
            c => c["Discord:PublicKey"] = string.Empty,
            answerer,
            services: s =>
            {
                s.AddSingleton(new InteractionTimings { InlineAnswerWait = inlineWait });
                s.AddSingleton<TimeProvider>(clock);
            });
        await _discord.Gateway.WaitUntilAsync(() => bot.Health.Current.State == ConnectionState.Connected, "READY");
        var interactions = new List<FakeInteraction>();

        for (var i = 0; i < 6; i++)
        {
            var command = Payloads.Command("ask", [Payloads.Option("question", $"Question {i} about MiG Alley")], userId: $"13000000000000002{i}");
            interactions.Add(_discord.NewInteraction(command));
            await _discord.Gateway.DispatchAsync("INTERACTION_CREATE", command);
        }

        // Handled one at a time, only the first inline wait could have started while its answer is held; Discord
        // allows 3 s for each, so all six must be waiting at once. On the fake clock, one step ends all six waits.
        await clock.TimerStarted.WaitUntilAsync(() => clock.TimersDueIn(inlineWait) == 6, "six inline waits at once");
        clock.Advance(inlineWait);
        await Task.WhenAll(interactions.Select(i => i.Acknowledged.Task)).WaitAsync(Signal.HangGuard);
        var callbacks = _discord.Requests.Where(r => r.Path.EndsWith("/callback", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, callbacks.Count);
        Assert.All(callbacks, c => Assert.Equal(5, c.Json!["type"]!.GetValue<int>()));

        release.SetResult(SampleAnswers.Fact("q"));
        await _discord.WaitForRequestsAsync(r => r.Method == "PATCH", count: 6, what: "six edits");
        Assert.Empty(_discord.Violations);
    }

    [Theory]
    [InlineData("INTERACTION_CREATE", """{"id":"1","type":"2","token":"t"}""")]
    [InlineData("INTERACTION_CREATE", """{"id":"1","type":2,"token":"t","member":{"roles":[1]}}""")]
    [InlineData("MESSAGE_CREATE", """{"id":"1","channel_id":"2","author":{"id":3},"content":"<@1100000000000000001> q"}""")]
    public async Task A_dispatch_with_wrong_types_is_dropped_with_a_debug_line_and_the_session_goes_on(string type, string data)
    {
        var answerer = new Mock<IQuestionAnswerer>(MockBehavior.Strict);
        await using var bot = await BotHarness.StartAsync(_discord, c => c["Discord:PublicKey"] = string.Empty, answerer);
        await _discord.Gateway.WaitUntilAsync(() => bot.Health.Current.State == ConnectionState.Connected, "READY");

        await _discord.Gateway.DispatchAsync(type, System.Text.Json.Nodes.JsonNode.Parse(data)!.AsObject());
        await _discord.Gateway.WaitUntilAsync(() => bot.Logs.Lines.Any(l => l.Contains("does not fit", StringComparison.Ordinal)), "the Debug line");

        Assert.Contains(bot.Logs.Lines, l => l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains($"Ignored a {type} dispatch", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
        Assert.Equal(ConnectionState.Connected, bot.Health.Current.State);
        Assert.Empty(_discord.Violations);
    }
}
