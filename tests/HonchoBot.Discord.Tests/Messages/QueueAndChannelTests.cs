using System.Net;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Sources;
using HonchoBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HonchoBot.Discord.Tests.Messages;

/// <summary>Back-pressure and listings: a full queue answers "busy", /sources pages the library.</summary>
public sealed class QueueAndChannelTests : IAsyncLifetime
{
    private FakeDiscord _discord = null!;

    public async Task InitializeAsync() => _discord = await FakeDiscord.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    [Fact]
    public async Task A_full_queue_gets_a_short_ephemeral_busy_reply_instead_of_a_defer()
    {
        var release = new TaskCompletionSource<Answer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var answerer = new Mock<IQuestionAnswerer>();
        answerer.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>())).Returns(release.Task);
        await using var bot = await BotHarness.StartAsync(_discord, c =>
        {
            c["Discord:Token"] = string.Empty;
            c["Server:QueueCapacity"] = "1";
        }, answerer);

        var responses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var command = Payloads.Command("ask", [Payloads.Option("question", $"Question {i} about MiG Alley")], userId: $"13000000000000001{i}");
            var (_, body) = await _discord.DeliverOverHttpAsync(bot.Http, _discord.NewInteraction(command), command.ToJsonString());
            responses.Add(body!["type"]!.GetValue<int>());
            if (i == 2)
            {
                Assert.Equal(64, body["data"]!["flags"]!.GetValue<int>());
                Assert.Contains("try again in a minute", body["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
            }

            if (i == 0)
            {
                await _discord.Changed.WaitUntilAsync(() => answerer.Invocations.Count == 1, "the worker to take the first question");
            }
        }

        Assert.Equal([5, 5, 4], responses); // one answering, one queued, one refused
        release.SetResult(SampleAnswers.Fact("q"));
        await _discord.WaitForRequestsAsync(r => r.Method == "PATCH", count: 2, what: "both queued answers");
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task A_busy_refusal_does_not_use_up_the_askers_rate_limit_token()
    {
        var queue = new Mock<HonchoBot.Core.Pipeline.IQuestionQueue>();
        queue.SetupSequence(q => q.TryEnqueue(It.IsAny<HonchoBot.Core.Pipeline.QueuedWork>())).Returns(false).Returns(true);
        await using var bot = await BotHarness.StartAsync(
            _discord,
            c =>
            {
                c["Discord:Token"] = string.Empty;
                c["RateLimits:PerUserPerMinute"] = "1";
            },
            services: s => s.AddSingleton(queue.Object));

        var replies = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var command = Payloads.Command("ask", [Payloads.Option("question", $"Question {i} about MiG Alley")]);
            var (_, body) = await _discord.DeliverOverHttpAsync(bot.Http, _discord.NewInteraction(command), command.ToJsonString());
            replies.Add(body!.ToJsonString());
        }

        Assert.Contains("try again in a minute", replies[0], StringComparison.Ordinal);
        Assert.DoesNotContain("faster than I can answer", replies[1], StringComparison.Ordinal);
        Assert.Equal(2, queue.Invocations.Count); // the second question was queued, not refused
    }

    [Fact]
    public async Task Sources_lists_the_communitys_library_one_page_at_a_time()
    {
        var registry = new Mock<ISourceRegistry>();
        registry.Setup(r => r.ListAsync("discord:" + Payloads.GuildId, 2, 10, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SourcePage(
                [new SourceSummary("sangha-kommune-soviet-casualties", SampleAnswers.SanghaTitle, "The Sangha Kommune", "2017-01-20", null, null, null, 9, true, false, null)],
                2,
                3,
                21));
        await using var bot = await BotHarness.StartAsync(_discord, c => c["Discord:Token"] = string.Empty, registry: registry);
        var command = Payloads.Command("sources", [new System.Text.Json.Nodes.JsonObject { ["name"] = "page", ["type"] = 4, ["value"] = 2 }]);

        var (_, initial) = await _discord.DeliverOverHttpAsync(bot.Http, _discord.NewInteraction(command), command.ToJsonString());

        Assert.Equal(5, initial!["type"]!.GetValue<int>());
        await _discord.WaitForRequestsAsync(r => r.Method == "PATCH", what: "the listing");
        var listing = _discord.Requests.Single(r => r.Method == "PATCH").Json!;
        Assert.Contains("sangha-kommune-soviet-casualties", listing["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Page 2 of 3 · 21 sources", listing["embeds"]![0]!["footer"]!["text"]!.GetValue<string>());
        var buttons = listing["components"]![0]!["components"]!.AsArray().Select(b => b!["custom_id"]!.GetValue<string>());
        Assert.Equal(["honcho:sources:1", "honcho:sources:3"], buttons);
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task Without_a_public_key_the_interactions_endpoint_is_not_mapped()
    {
        await using var bot = await BotHarness.StartAsync(_discord, c => c["Discord:PublicKey"] = string.Empty);

        var response = await bot.Http.PostAsync("/discord/interactions", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_an_interaction_gets_400()
    {
        await using var bot = await BotHarness.StartAsync(_discord, c => c["Discord:Token"] = string.Empty);
        const string body = "[1,2,3]";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = await bot.Http.SendAsync(FakeDiscord.SignedRequest(body, timestamp, FakeDiscord.Sign(timestamp + body)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
