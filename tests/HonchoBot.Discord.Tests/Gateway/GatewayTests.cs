using System.Text.Json.Nodes;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Tests.Fakes;
using Moq;

namespace HonchoBot.Discord.Tests.Gateway;

/// <summary>The gateway client against the fake gateway (docs/platform-protocols.md), end to end through the hosted service.</summary>
public sealed class GatewayTests : IAsyncLifetime
{
    private const string Question = "How many MiGs did the Sabre pilots claim?";

    private FakeDiscord _discord = null!;
    private BotHarness? _bot;

    private FakeGateway Gateway => _discord.Gateway;

    public async Task InitializeAsync() => _discord = await FakeDiscord.StartAsync();

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        await _discord.DisposeAsync();
    }

    private async Task<BotHarness> StartBotAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        _bot = await BotHarness.StartAsync(_discord, configure);
        _bot.Answerer
            .Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) => SampleAnswers.WithDisagreement(q.Text));
        return _bot;
    }

    private Task WaitForStateAsync(ConnectionState state) =>
        _discord.Changed.WaitUntilAsync(() => _bot!.Health.Current.State == state, $"health {state} (now {_bot!.Health.Current.State}: {_bot.Health.Current.Reason})");

    private Task WaitReadyAsync() =>
        Gateway.WaitUntilAsync(() => Gateway.Connections.Count > 0 && Gateway.Current.IsIdentified && _bot!.Health.Current.State == ConnectionState.Connected, "READY");

    [Fact]
    public async Task Identifies_with_the_default_intents_then_heartbeats_every_interval_with_the_last_sequence()
    {
        await StartBotAsync();

        await Gateway.WaitForOpAsync(2);
        var identify = Gateway.Sent(2).Single().Data!;
        Assert.Equal(FakeDiscord.Token, identify["token"]!.GetValue<string>());
        Assert.Equal(4609, identify["intents"]!.GetValue<int>()); // GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES
        Assert.Equal("linux", identify["properties"]!["os"]!.GetValue<string>());
        Assert.Equal([0, 1], identify["shard"]!.AsArray().Select(n => n!.GetValue<int>()));
        await Gateway.WaitForOpAsync(1, count: 3, "three heartbeats");
        var beats = Gateway.Sent(1).ToList();
        // A beat before READY carries null; after READY, the last sequence (READY was 1).
        Assert.All(beats, b => Assert.True(b.Data is null || b.Data.GetValue<int>() == 1));
        Assert.Equal(1, beats[^1].Data!.GetValue<int>());
        var gap = beats[2].At - beats[1].At;
        Assert.True(gap >= TimeSpan.FromMilliseconds(300), $"beats {gap.TotalMilliseconds} ms apart"); // every 400 ms, not a tight loop
        Assert.Equal("Bot " + FakeDiscord.Token, _discord.Requests.First(r => r.Path == "/gateway/bot").Authorization);
        Assert.Equal(ConnectionState.Connected, _bot!.Health.Current.State);
        Assert.True(_bot.Health.Current.IsReady);
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task A_mention_is_answered_as_a_reply_with_citations_that_pings_nobody()
    {
        await StartBotAsync();
        await WaitReadyAsync();

        await Gateway.DispatchAsync("MESSAGE_CREATE", Payloads.Message("<@1300000000000000088> hello", ["1300000000000000088"])); // someone else
        await Gateway.DispatchAsync("MESSAGE_CREATE", Payloads.Message($"<@{FakeDiscord.BotUserId}> {Question}", [FakeDiscord.BotUserId], authorIsBot: true));
        await Gateway.DispatchAsync("MESSAGE_CREATE", Payloads.Message(Question)); // no mention in a guild
        var mention = Payloads.Message($"<@{FakeDiscord.BotUserId}> {Question}", [FakeDiscord.BotUserId]);
        await Gateway.DispatchAsync("MESSAGE_CREATE", mention);

        await _discord.WaitForRequestsAsync(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal), what: "the reply");
        var reply = _discord.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal));
        Assert.Equal($"/channels/{Payloads.ChannelId}/messages", reply.Path);
        var body = reply.Json!;
        Assert.Equal(mention["id"]!.GetValue<string>(), body["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.False(body["message_reference"]!["fail_if_not_exists"]!.GetValue<bool>());
        Assert.Empty(body["allowed_mentions"]!["parse"]!.AsArray());
        Assert.False(body["allowed_mentions"]!["replied_user"]!.GetValue<bool>());
        Assert.Contains("792 MiG-15s", body["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        _bot!.Answerer.Verify(
            a => a.AnswerAsync(
                It.Is<Question>(q => q.Text == Question && q.Origin.CommunityId == "discord:" + Payloads.GuildId && q.Origin.UserId == Payloads.UserId && q.Origin.ChannelId == Payloads.ChannelId),
                It.IsAny<CancellationToken>()),
            Times.Once);
        _bot.Answerer.VerifyNoOtherCalls();
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task A_DM_is_answered_with_the_global_library_and_an_empty_mention_gets_a_hint()
    {
        await StartBotAsync();
        await WaitReadyAsync();

        await Gateway.DispatchAsync("MESSAGE_CREATE", Payloads.Message($"<@!{FakeDiscord.BotUserId}>  ", [FakeDiscord.BotUserId]));
        await Gateway.DispatchAsync("MESSAGE_CREATE", Payloads.Message(Question, guildId: null, channelId: "1300000000000000055"));

        await _discord.WaitForRequestsAsync(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal), count: 2, what: "hint and DM answer");
        var hint = _discord.Requests.Single(r => r.Path == $"/channels/{Payloads.ChannelId}/messages").Json!;
        Assert.StartsWith("Ask me a question after the mention", hint["content"]!.GetValue<string>(), StringComparison.Ordinal);
        _bot!.Answerer.Verify(a => a.AnswerAsync(It.Is<Question>(q => q.Origin.CommunityId == null && q.Text == Question), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task Asking_too_fast_gets_a_short_friendly_note()
    {
        await StartBotAsync(c => c["RateLimits:PerUserPerMinute"] = "1");
        await WaitReadyAsync();

        await Gateway.DispatchAsync("MESSAGE_CREATE", Payloads.Message($"<@{FakeDiscord.BotUserId}> {Question}", [FakeDiscord.BotUserId]));
        await Gateway.DispatchAsync("MESSAGE_CREATE", Payloads.Message($"<@{FakeDiscord.BotUserId}> And the Soviet losses?", [FakeDiscord.BotUserId]));

        await _discord.WaitForRequestsAsync(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal), count: 2, what: "answer and note");
        Assert.Contains(_discord.Requests, r => r.Method == "POST" && r.Json?["content"]?.GetValue<string>().Contains("wait a minute", StringComparison.Ordinal) == true);
        _bot!.Answerer.Verify(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Op_7_reconnects_to_the_resume_url_and_resumes_with_the_session_and_last_sequence()
    {
        await StartBotAsync();
        await WaitReadyAsync();
        var first = Gateway.Current;
        await Gateway.DispatchAsync("GUILD_CREATE", new JsonObject { ["id"] = Payloads.GuildId });

        await first.SendOpAsync(7);

        await Gateway.WaitForOpAsync(6, what: "Resume");
        var resume = Gateway.Sent(6).Single();
        Assert.Equal(FakeDiscord.Token, resume.Data!["token"]!.GetValue<string>());
        Assert.Equal(first.Session!.Id, resume.Data["session_id"]!.GetValue<string>());
        Assert.Equal(2, resume.Data["seq"]!.GetValue<int>());
        Assert.Equal("/gateway-resume", Gateway.Connections[resume.Connection - 1].Path);
        var closed = Gateway.Events.Single(e => e.IsClose && e.Connection == first.Index);
        Assert.NotNull(closed.ClientCloseCode);
        Assert.DoesNotContain(closed.ClientCloseCode!.Value, new[] { 1000, 1001 }); // keeps the session resumable
        await WaitReadyAsync();
        Assert.Single(Gateway.Sent(2)); // resumed, not identified again
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task Op_9_not_resumable_identifies_again_on_a_new_connection()
    {
        await StartBotAsync();
        await WaitReadyAsync();

        await Gateway.Current.SendOpAsync(9, false);

        await Gateway.WaitForOpAsync(2, count: 2, "a second Identify");
        Assert.Empty(Gateway.Sent(6));
        var second = Gateway.Sent(2).Last();
        Assert.Equal("/gateway", Gateway.Connections[second.Connection - 1].Path);
        await WaitReadyAsync();
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task A_missing_heartbeat_ack_closes_the_zombie_connection_and_resumes()
    {
        await StartBotAsync();
        await WaitReadyAsync();
        var first = Gateway.Current;

        Gateway.AcksHeartbeats = false;

        await Gateway.WaitForOpAsync(6, what: "Resume after the zombie");
        Gateway.AcksHeartbeats = true;
        var closed = Gateway.Events.First(e => e.IsClose && e.Connection == first.Index);
        Assert.NotNull(closed.ClientCloseCode);
        Assert.DoesNotContain(closed.ClientCloseCode!.Value, new[] { 1000, 1001 });
        var resume = Gateway.Sent(6).First();
        Assert.Equal(first.Session!.Id, resume.Data!["session_id"]!.GetValue<string>());
        await WaitReadyAsync();
        Assert.Contains(_bot!.Logs.Lines, l => l.Contains("zombie", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Close_4004_stops_the_adapter_with_a_clear_error_and_never_retries()
    {
        Gateway.AcceptedToken = "a-different-token";
        await StartBotAsync();

        await WaitForStateAsync(ConnectionState.StoppedFatal);

        var health = _bot!.Health.Current;
        Assert.False(health.IsReady);
        Assert.Contains("4004", health.Reason, StringComparison.Ordinal);
        Assert.Contains(_bot.Logs.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal) && l.Contains("Discord:Token", StringComparison.Ordinal));

        // Reconnect back-off in tests is 20–200 ms: a retry would have happened many times over.
        await Task.Delay(TimeSpan.FromMilliseconds(800));
        Assert.Single(Gateway.Connections);
        Assert.Single(Gateway.Sent(2));
        Assert.DoesNotContain(_bot.Logs.Lines, l => l.Contains(FakeDiscord.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_slow_answer_never_blocks_the_gateway()
    {
        // A blocked receive loop would stop reading ACKs and turn into a zombie reconnect. A roomy
        // interval keeps a busy CI machine from causing one for other reasons.
        Gateway.HeartbeatIntervalMs = 1000;
        await StartBotAsync();
        var release = new TaskCompletionSource<Answer>(TaskCreationOptions.RunContinuationsAsynchronously);
        _bot!.Answerer
            .Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .Returns(release.Task);
        await WaitReadyAsync();

        await Gateway.DispatchAsync("MESSAGE_CREATE", Payloads.Message($"<@{FakeDiscord.BotUserId}> {Question}", [FakeDiscord.BotUserId]));
        await _discord.Changed.WaitUntilAsync(() => _bot.Answerer.Invocations.Count == 1, "the answer to start");
        var beatsBefore = Gateway.Sent(1).Count();

        // While the answer is stuck, heartbeats go on and a second mention is still read and queued.
        await Gateway.WaitForOpAsync(1, count: beatsBefore + 2, "heartbeats during a slow answer");
        await Gateway.DispatchAsync("MESSAGE_CREATE", Payloads.Message($"<@{FakeDiscord.BotUserId}> and the Soviet losses?", [FakeDiscord.BotUserId], authorId: "1300000000000000006"));
        Assert.Single(Gateway.Connections);

        release.SetResult(SampleAnswers.WithDisagreement(Question));
        await _discord.WaitForRequestsAsync(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal), count: 2, what: "both replies");
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task Ask_over_the_gateway_is_deferred_by_rest_callback_then_patched()
    {
        await StartBotAsync(c => c["Discord:PublicKey"] = string.Empty);
        await WaitReadyAsync();
        var command = Payloads.Command("ask", [Payloads.Option("question", Question)]);
        var interaction = _discord.NewInteraction(command);

        await Gateway.DispatchAsync("INTERACTION_CREATE", command);

        await _discord.WaitForRequestsAsync(r => r.Method == "PATCH", what: "PATCH @original");
        var callback = _discord.Requests.Single(r => r.Path.EndsWith("/callback", StringComparison.Ordinal));
        Assert.Equal(5, callback.Json!["type"]!.GetValue<int>());
        Assert.Equal(5, await interaction.Acknowledged.Task);
        var patch = _discord.Requests.Single(r => r.Method == "PATCH");
        Assert.True(_discord.Requests.ToList().IndexOf(callback) < _discord.Requests.ToList().IndexOf(patch));
        Assert.Contains("792", patch.Json!["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task The_asker_can_delete_a_reply_and_others_are_told_they_cannot()
    {
        await StartBotAsync();
        await WaitReadyAsync();
        const string replyId = "1300000000000000777";
        var stranger = Payloads.Button("honcho:del:" + Payloads.UserId, replyId, userId: "1300000000000000006");
        var strangerInteraction = _discord.NewInteraction(stranger);
        var asker = Payloads.Button("honcho:del:" + Payloads.UserId, replyId);
        _discord.NewInteraction(asker);

        await Gateway.DispatchAsync("INTERACTION_CREATE", stranger);
        await strangerInteraction.Acknowledged.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Gateway.DispatchAsync("INTERACTION_CREATE", asker);

        await _discord.WaitForRequestsAsync(r => r.Method == "DELETE", what: "the deletion");
        var refusal = _discord.Requests.First(r => r.Path.Contains(strangerInteraction.Token, StringComparison.Ordinal)).Json!;
        Assert.Equal(4, refusal["type"]!.GetValue<int>());
        Assert.Equal(64, refusal["data"]!["flags"]!.GetValue<int>());
        Assert.Equal($"/channels/{Payloads.ChannelId}/messages/{replyId}", _discord.Requests.Single(r => r.Method == "DELETE").Path);
        Assert.Empty(_discord.Violations);
    }
}
