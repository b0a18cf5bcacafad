using HonchoBot.Core.Answers;
using HonchoBot.Discord.Interactions;
using HonchoBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HonchoBot.Discord.Tests.Interactions;

/// <summary>"Answer inline when ready, otherwise defer" (docs/platform-protocols.md).</summary>
public sealed class InlineAnswerTests : IAsyncLifetime
{
    private FakeDiscord _discord = null!;

    public async Task InitializeAsync() => _discord = await FakeDiscord.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    private Task<BotHarness> StartAsync(TimeSpan inlineWait, Mock<IQuestionAnswerer> answerer) =>
        BotHarness.StartAsync(
            _discord,
            c => c["Discord:Token"] = string.Empty,
            answerer,
            services: s => s.AddSingleton(new InteractionTimings { InlineAnswerWait = inlineWait }));

    [Fact]
    public async Task A_fast_answer_is_sent_inline_with_no_edit_afterwards()
    {
        var answerer = new Mock<IQuestionAnswerer>();
        answerer.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) => SampleAnswers.WithDisagreement(q.Text));
        await using var bot = await StartAsync(TimeSpan.FromSeconds(2), answerer);
        var command = Payloads.Command("ask", [Payloads.Option("question", "How many planes did the Soviet Airforce lose?")]);

        var (_, response) = await _discord.DeliverOverHttpAsync(bot.Http, _discord.NewInteraction(command), command.ToJsonString());

        Assert.Equal(4, response!["type"]!.GetValue<int>());
        Assert.Empty(MessageRules.Check(response["data"]));
        Assert.Contains("335 planes", response["data"]!["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        await bot.DisposeAsync(); // drains the worker: an edit, if any, would have been sent by now
        Assert.DoesNotContain(_discord.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task A_slow_answer_is_deferred_then_patched_exactly_once()
    {
        var answerer = new Mock<IQuestionAnswerer>();
        answerer.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .Returns(async (Question q, CancellationToken ct) =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(600), ct);
                return SampleAnswers.Fact(q.Text);
            });
        await using var bot = await StartAsync(TimeSpan.FromMilliseconds(100), answerer);
        var command = Payloads.Command("fact", [Payloads.Option("topic", "MiG Alley")]);

        var (_, response) = await _discord.DeliverOverHttpAsync(bot.Http, _discord.NewInteraction(command), command.ToJsonString());

        Assert.Equal(5, response!["type"]!.GetValue<int>());
        await _discord.WaitForRequestsAsync(r => r.Method == "PATCH", what: "the edit");
        await bot.DisposeAsync();
        Assert.Single(_discord.Requests, r => r.Method == "PATCH");
        Assert.Empty(_discord.Violations);
    }
}
