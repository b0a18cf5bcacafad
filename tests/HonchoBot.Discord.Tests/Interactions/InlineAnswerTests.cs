using HonchoBot.Core.Answers;
using HonchoBot.Discord.Interactions;
using HonchoBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HonchoBot.Discord.Tests.Interactions;

/// <summary>
/// "Answer inline when ready, otherwise defer" (docs/platform-protocols.md), on a fake clock: the inline window
/// only ends when the test advances time, so neither test depends on how fast the machine is.
/// </summary>
public sealed class InlineAnswerTests : IAsyncLifetime
{
    private FakeDiscord _discord = null!;

    public async Task InitializeAsync() => _discord = await FakeDiscord.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    private static readonly TimeSpan InlineWait = TimeSpan.FromMilliseconds(1500);

    private readonly WatchedClock _clock = new();

    private Task<BotHarness> StartAsync(Mock<IQuestionAnswerer> answerer) =>
        BotHarness.StartAsync(
            _discord,
            c => c["Discord:Token"] = string.Empty,
            answerer,
            services: s =>
            {
                s.AddSingleton(new InteractionTimings { InlineAnswerWait = InlineWait });
                s.AddSingleton<TimeProvider>(_clock);
            });

    [Fact]
    public async Task A_fast_answer_is_sent_inline_with_no_edit_afterwards()
    {
        var answerer = new Mock<IQuestionAnswerer>();
        answerer.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) => SampleAnswers.Fact(q.Text));
        await using var bot = await StartAsync(answerer);
        var command = Payloads.Command("ask", [Payloads.Option("question", "How many MiG-15s did the Sabre pilots claim?")]);

        var (_, response) = await _discord.DeliverOverHttpAsync(bot.Http, _discord.NewInteraction(command), command.ToJsonString());

        Assert.Equal(4, response!["type"]!.GetValue<int>());
        Assert.Empty(MessageRules.Check(response["data"]));
        Assert.Contains("792 MiG-15s", response["data"]!["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        await bot.DisposeAsync(); // drains the worker: an edit, if any, would have been sent by now
        Assert.DoesNotContain(_discord.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task A_fast_answer_with_a_chart_is_sent_inline_then_one_edit_adds_the_chart()
    {
        var answerer = new Mock<IQuestionAnswerer>();
        answerer.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) => SampleAnswers.WithDisagreement(q.Text));
        await using var bot = await StartAsync(answerer);
        var command = Payloads.Command("ask", [Payloads.Option("question", "How many planes did the Soviet Airforce lose?")]);

        var (_, response) = await _discord.DeliverOverHttpAsync(bot.Http, _discord.NewInteraction(command), command.ToJsonString());

        // The text does not wait for the chart: an inline response cannot carry an upload.
        Assert.Equal(4, response!["type"]!.GetValue<int>());
        Assert.Contains("335 planes", response["data"]!["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(response["data"]!["attachments"]);
        await _discord.WaitForRequestsAsync(r => r.Method == "PATCH", what: "the chart edit");
        await bot.DisposeAsync();
        var edit = Assert.Single(_discord.Requests, r => r.Method == "PATCH");
        Assert.Equal("chart.png", Assert.Single(edit.Uploads).FileName);
        Assert.Equal("attachment://chart.png", edit.Json!["embeds"]![0]!["image"]!["url"]!.GetValue<string>());
        Assert.Contains("335 planes", edit.Json!["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task A_slow_answer_is_deferred_then_patched_exactly_once()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answerer = new Mock<IQuestionAnswerer>();
        answerer.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .Returns(async (Question q, CancellationToken _) =>
            {
                await release.Task;
                return SampleAnswers.Fact(q.Text);
            });
        await using var bot = await StartAsync(answerer);
        var command = Payloads.Command("fact", [Payloads.Option("topic", "MiG Alley")]);

        // The answer is held until the inline window has passed on the fake clock.
        var delivery = _discord.DeliverOverHttpAsync(bot.Http, _discord.NewInteraction(command), command.ToJsonString());
        await _clock.TimerStarted.WaitUntilAsync(() => _clock.TimersDueIn(InlineWait) == 1, "the inline wait to start");
        _clock.Advance(InlineWait);
        var (_, response) = await delivery;

        Assert.Equal(5, response!["type"]!.GetValue<int>());
        release.SetResult();
        await _discord.WaitForRequestsAsync(r => r.Method == "PATCH", what: "the edit");
        await bot.DisposeAsync();
        Assert.Single(_discord.Requests, r => r.Method == "PATCH");
        Assert.Empty(_discord.Violations);
    }
}
