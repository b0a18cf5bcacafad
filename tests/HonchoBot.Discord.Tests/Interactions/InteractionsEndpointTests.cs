using System.Net;
using System.Text.Json.Nodes;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Sources;
using HonchoBot.Discord.Tests.Fakes;
using Moq;

namespace HonchoBot.Discord.Tests.Interactions;

/// <summary>The HTTP interactions endpoint, end to end: fake Discord signs and posts, the bot answers (docs/platform-protocols.md).</summary>
public sealed class InteractionsEndpointTests : IAsyncLifetime
{
    private FakeDiscord _discord = null!;
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _bot = await BotHarness.StartAsync(_discord, c => c["Discord:Token"] = string.Empty);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _discord.DisposeAsync();
    }

    [Fact]
    public async Task A_signed_ping_is_answered_with_pong()
    {
        var ping = Payloads.Ping();
        var interaction = _discord.NewInteraction(ping);

        var (status, body) = await _discord.DeliverOverHttpAsync(_bot.Http, interaction, ping.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body!["type"]!.GetValue<int>());
        Assert.Empty(_discord.Violations);
    }

    [Theory]
    [InlineData("body")]
    [InlineData("timestamp")]
    [InlineData("signature")]
    [InlineData("missing")]
    public async Task A_tampered_request_gets_401_and_reaches_nothing(string tamper)
    {
        var command = Payloads.Command("ask", [Payloads.Option("question", "How many MiGs did the Sabres claim?")]);
        var body = command.ToJsonString();
        const string timestamp = "1700000000";
        var signature = FakeDiscord.Sign(timestamp + body);
        using var request = tamper switch
        {
            "body" => FakeDiscord.SignedRequest(body.Replace("MiGs", "Yaks", StringComparison.Ordinal), timestamp, signature),
            "timestamp" => FakeDiscord.SignedRequest(body, "1700000001", signature),
            "signature" => FakeDiscord.SignedRequest(body, timestamp, (signature[0] == '0' ? "1" : "0") + signature[1..]),
            _ => new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body) },
        };

        var response = await _bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        _bot.Answerer.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Ask_is_deferred_then_the_original_response_is_patched_with_the_cited_answer()
    {
        Question? asked = null;
        _bot.Answerer
            .Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .Callback<Question, CancellationToken>((q, _) => asked = q)
            .ReturnsAsync((Question q, CancellationToken _) => SampleAnswers.WithDisagreement(q.Text));
        var command = Payloads.Command("ask", [Payloads.Option("question", "  How many MiGs did the Sabre pilots claim? ")]);
        var interaction = _discord.NewInteraction(command);

        var (status, initial) = await _discord.DeliverOverHttpAsync(_bot.Http, interaction, command.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, initial!["type"]!.GetValue<int>());
        await _discord.WaitForRequestsAsync(r => r.Method == "PATCH", what: "PATCH @original");
        var patch = _discord.Requests.Single(r => r.Method == "PATCH");
        Assert.Equal($"/webhooks/{FakeDiscord.ApplicationId}/{interaction.Token}/messages/@original", patch.Path);
        Assert.Null(patch.Authorization); // the interaction token authenticates the webhook
        var message = patch.Json!;
        Assert.Empty(message["allowed_mentions"]!["parse"]!.AsArray());
        var embed = message["embeds"]![0]!;
        Assert.Contains("Sabre pilots claimed 792 MiG-15s.", embed["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("**[1]**", embed["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var fields = embed["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToList();
        Assert.Contains(fields, f => f.StartsWith("⚠️ Sources disagree: communist aircraft lost", StringComparison.Ordinal));
        Assert.Contains(fields, f => f.StartsWith("[2] Soviet Casualties During the Korean War", StringComparison.Ordinal));
        Assert.Empty(_discord.Violations);

        Assert.NotNull(asked);
        Assert.Equal("How many MiGs did the Sabre pilots claim?", asked.Text);
        Assert.Equal(QuestionMode.Ask, asked.Mode);
        Assert.Equal("discord", asked.Origin.Platform);
        Assert.Equal("discord:" + Payloads.GuildId, asked.Origin.CommunityId);
        Assert.Equal(Payloads.ChannelId, asked.Origin.ChannelId);
        Assert.Equal(Payloads.UserId, asked.Origin.UserId);
        Assert.False(string.IsNullOrEmpty(asked.Origin.CorrelationId));
    }

    [Fact]
    public async Task Fact_asks_for_the_single_best_excerpt()
    {
        _bot.Answerer
            .Setup(a => a.AnswerAsync(It.Is<Question>(q => q.Mode == QuestionMode.Fact), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) => SampleAnswers.Fact(q.Text));
        var command = Payloads.Command("fact", [Payloads.Option("topic", "Sabre claims")]);
        var interaction = _discord.NewInteraction(command);

        await _discord.DeliverOverHttpAsync(_bot.Http, interaction, command.ToJsonString());

        await _discord.WaitForRequestsAsync(r => r.Method == "PATCH", what: "PATCH @original");
        Assert.Single(_discord.Requests.Single(r => r.Method == "PATCH").Json!["embeds"]![0]!["fields"]!.AsArray());
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task A_non_moderators_source_add_is_refused_by_the_registry_which_audits_it()
    {
        Requester? requester = null;
        _bot.Registry
            .Setup(r => r.AddAsync(It.IsAny<SourceAddRequest>(), It.IsAny<Requester>(), It.IsAny<CancellationToken>()))
            .Callback<SourceAddRequest, Requester, CancellationToken>((_, who, _) => requester = who)
            .ReturnsAsync(new SourceResult(SourceOutcome.NotModerator, "Only moderators can add sources."));
        var command = Payloads.Command("source", [Payloads.Sub("add", Payloads.Option("url", "https://example.org/mig-alley"))], permissions: "0");
        var interaction = _discord.NewInteraction(command);

        var (_, initial) = await _discord.DeliverOverHttpAsync(_bot.Http, interaction, command.ToJsonString());

        Assert.Equal(5, initial!["type"]!.GetValue<int>());
        Assert.Equal(64, initial["data"]!["flags"]!.GetValue<int>()); // refusals are ephemeral
        await _discord.WaitForRequestsAsync(r => r.Method == "PATCH", what: "refusal");
        var refusal = _discord.Requests.Single(r => r.Method == "PATCH").Json!["content"]!.GetValue<string>();
        Assert.StartsWith("⛔ Only moderators", refusal, StringComparison.Ordinal);
        Assert.NotNull(requester);
        Assert.False(requester.IsModerator);
        Assert.Equal("discord", requester.Platform);
        Assert.Equal("discord:" + Payloads.GuildId, requester.CommunityId);
        Assert.Equal(Payloads.UserId, requester.UserId);
        _bot.Registry.Verify(r => r.AddAsync(It.Is<SourceAddRequest>(a => a.Input is SourceInput.FromUrl), It.IsAny<Requester>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(_discord.Violations);
    }

    [Theory]
    [InlineData("32", null)] // MANAGE_GUILD
    [InlineData("8", null)] // ADMINISTRATOR
    [InlineData("0", Payloads.ModeratorRoleId)] // configured moderator role
    public async Task A_moderator_can_hide_a_source_and_the_registry_is_told_so(string permissions, string? role)
    {
        _bot.Registry
            .Setup(r => r.HideAsync("milwaukee-independent-mig-graves", It.Is<Requester>(q => q.IsModerator), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SourceResult(SourceOutcome.Done, "Hidden in this server."));
        var command = Payloads.Command(
            "source",
            [Payloads.Sub("hide", Payloads.Option("id", "milwaukee-independent-mig-graves"))],
            permissions,
            role is null ? null : [role]);
        var interaction = _discord.NewInteraction(command);

        await _discord.DeliverOverHttpAsync(_bot.Http, interaction, command.ToJsonString());

        await _discord.WaitForRequestsAsync(r => r.Method == "PATCH", what: "hide result");
        Assert.StartsWith("✅ Hidden in this server.", _discord.Requests.Single(r => r.Method == "PATCH").Json!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        _bot.Registry.VerifyAll();
    }

    [Fact]
    public async Task Source_add_without_url_or_file_opens_a_modal_whose_submission_adds_pasted_text()
    {
        var command = Payloads.Command("source", [Payloads.Sub("add", Payloads.Option("notes", "Partisan blog; cites Soviet records"))], permissions: "32");
        var interaction = _discord.NewInteraction(command);

        var (_, modal) = await _discord.DeliverOverHttpAsync(_bot.Http, interaction, command.ToJsonString());

        Assert.Equal(9, modal!["type"]!.GetValue<int>());
        var customId = modal["data"]!["custom_id"]!.GetValue<string>();
        Assert.True(modal["data"]!["title"]!.GetValue<string>().Length <= 45);
        Assert.InRange(modal["data"]!["components"]!.AsArray().Count, 1, 5);

        SourceAddRequest? added = null;
        _bot.Registry
            .Setup(r => r.AddAsync(It.IsAny<SourceAddRequest>(), It.Is<Requester>(q => q.IsModerator), It.IsAny<CancellationToken>()))
            .Callback<SourceAddRequest, Requester, CancellationToken>((a, _, _) => added = a)
            .ReturnsAsync(new SourceResult(SourceOutcome.Done, "Added.", new SourceSummary("antung-notes", "Antung notes", null, null, null, "discord:Ivan", null, 1, false, false, "discord:" + Payloads.GuildId)));
        var submit = Payloads.ModalSubmit(customId, new() { ["text"] = "The MiG-15s flew from Antung.", ["title"] = "Antung notes" });
        var submission = _discord.NewInteraction(submit);

        await _discord.DeliverOverHttpAsync(_bot.Http, submission, submit.ToJsonString());

        await _discord.WaitForRequestsAsync(r => r.Method == "PATCH", what: "added confirmation");
        Assert.NotNull(added);
        Assert.Equal("The MiG-15s flew from Antung.", Assert.IsType<SourceInput.FromText>(added.Input).Text);
        Assert.Equal("Antung notes", added.Metadata.Title);
        Assert.Equal("Partisan blog; cites Soviet records", added.Metadata.Notes);
        Assert.Contains("antung-notes", _discord.Requests.Single(r => r.Method == "PATCH").Json!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task Autocomplete_offers_matching_source_ids()
    {
        _bot.Registry
            .Setup(r => r.ListAsync("discord:" + Payloads.GuildId, 1, 100, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SourcePage(
                [
                    new SourceSummary("milwaukee-independent-mig-graves", SampleAnswers.MilwaukeeTitle, "Milwaukee Independent", null, null, null, null, 25, true, false, null),
                    new SourceSummary("sangha-kommune-soviet-casualties", SampleAnswers.SanghaTitle, "The Sangha Kommune", "2017-01-20", null, null, null, 9, true, false, null),
                ],
                1,
                1,
                2));
        var focused = Payloads.Option("id", "sangha");
        focused["focused"] = true;
        var payload = Payloads.Autocomplete("source", [Payloads.Sub("hide", focused)]);
        var interaction = _discord.NewInteraction(payload);

        var (_, response) = await _discord.DeliverOverHttpAsync(_bot.Http, interaction, payload.ToJsonString());

        Assert.Equal(8, response!["type"]!.GetValue<int>());
        var choice = Assert.Single(response["data"]!["choices"]!.AsArray());
        Assert.Equal("sangha-kommune-soviet-casualties", choice!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Help_is_answered_inline_and_ephemeral()
    {
        var command = Payloads.Command("help");
        var interaction = _discord.NewInteraction(command);

        var (_, response) = await _discord.DeliverOverHttpAsync(_bot.Http, interaction, command.ToJsonString());

        Assert.Equal(4, response!["type"]!.GetValue<int>());
        Assert.Equal(64, response["data"]!["flags"]!.GetValue<int>());
        Assert.Empty(response["data"]!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Contains("/ask", response["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_never_reach_the_logs()
    {
        _bot.Answerer
            .Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) => SampleAnswers.Fact(q.Text));
        var command = Payloads.Command("ask", [Payloads.Option("question", "Who were the honchos?")]);
        var interaction = _discord.NewInteraction(command);
        _discord.FailNext("/webhooks/", 500); // a retried request is logged too

        await _discord.DeliverOverHttpAsync(_bot.Http, interaction, command.ToJsonString());
        await _discord.WaitForRequestsAsync(r => r.Method == "PATCH" && r.Status == 200, what: "PATCH after a 500");

        var logs = string.Join('\n', _bot.Logs.Lines);
        Assert.Contains("server error 500", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(interaction.Token, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeDiscord.Token, logs, StringComparison.Ordinal);
    }
}
