using System.Text.Json;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using HonchoBot.Slack.Tests.Fakes;
using Moq;
using HonchoBot.Tests.Shared;

namespace HonchoBot.Slack.Tests.SocketMode;

/// <summary>Socket Mode end to end against the fake Slack's WebSocket (docs/platform-protocols.md).</summary>
public sealed class SocketModeEndToEndTests : IAsyncLifetime
{
    private FakeSlack _fake = null!;
    private SlackBot _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSlack.StartAsync();
        _bot = await SlackBot.StartAsync(_fake, socketMode: true, http: false);
        _bot.Answerer
            .Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) => TestAnswers.MigClaims(q.Text));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private static async Task<string> MentionAsync(FakeSocket socket, string eventId, string ts, int retryAttempt = 0)
    {
        var id = await socket.SendEnvelopeAsync("events_api",
            SlackPayloads.AppMention(eventId, "<@UBOT0001> How many MiGs did the Sabre pilots claim?", ts), retryAttempt: retryAttempt);
        var ack = await socket.WaitForAckAsync(id);
        Assert.Equal(id, ack.GetProperty("envelope_id").GetString());
        return id;
    }

    [Fact]
    public async Task Hello_then_an_app_mention_is_acked_with_its_envelope_id_and_answered_in_the_thread()
    {
        var socket = await _fake.WaitForSocketAsync(0);
        await Eventually.TrueAsync(() => _bot.Status.Current.State == ConnectionState.Connected, "connected");

        await MentionAsync(socket, "Ev1MENTION1", "1700000010.000100");

        var post = await _fake.WaitForMethodAsync("chat.postMessage");
        Assert.Equal("1700000010.000100", post.Get("thread_ts"));
        Assert.Contains("*[1]*", post.BlockText(), StringComparison.Ordinal);
        Assert.Contains("<https://milwaukeeindependent.com/?p=209954|", post.BlockText(), StringComparison.Ordinal);
        Assert.Contains("Sources disagree", post.BlockText(), StringComparison.Ordinal);
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task A_slash_command_envelope_is_acked_with_a_response_payload_then_answered()
    {
        var socket = await _fake.WaitForSocketAsync(0);
        var fields = SlackPayloads.SlashCommand("ask How many MiGs did the Sabre pilots claim?", _fake.NewResponseUrl());

        var id = await socket.SendEnvelopeAsync("slash_commands", SlackPayloads.SlashCommandJson(fields), acceptsResponsePayload: true);
        var ack = await socket.WaitForAckAsync(id);

        Assert.Equal("in_channel", ack.GetProperty("payload").GetProperty("response_type").GetString());
        var follow = await _fake.WaitForMethodAsync("response_url");
        Assert.Contains("Sabre pilots claimed 792 MiG-15s", follow.BlockText(), StringComparison.Ordinal);
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task An_ack_never_carries_a_payload_when_Slack_does_not_accept_one()
    {
        var socket = await _fake.WaitForSocketAsync(0);
        var fields = SlackPayloads.SlashCommand("help", _fake.NewResponseUrl());

        var id = await socket.SendEnvelopeAsync("slash_commands", SlackPayloads.SlashCommandJson(fields), acceptsResponsePayload: false);
        var ack = await socket.WaitForAckAsync(id);

        Assert.False(ack.TryGetProperty("payload", out _));
    }

    [Theory]
    [InlineData("refresh_requested")]
    [InlineData("warning")]
    public async Task On_refresh_a_new_connection_opens_before_the_old_one_closes_and_no_event_is_lost(string reason)
    {
        var old = await _fake.WaitForSocketAsync(0);
        _fake.HoldConnectionsOpen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await old.SendDisconnectAsync(reason);

        // The old socket keeps working until its replacement is up (held here until the event is acked).
        await MentionAsync(old, "Ev1REFRESH1", "1700000011.000100");
        _fake.HoldConnectionsOpen.SetResult();

        var replacement = await _fake.WaitForSocketAsync(1);
        await old.Closed.WaitAsync(Signal.HangGuard);
        Assert.True(old.WasClosedByClient, "the bot should close the old connection itself");
        Assert.True(replacement.OpenedAt <= old.ClosedAt, "the replacement must open before the old connection closes");
        Assert.False(replacement.IsClosed);

        await MentionAsync(replacement, "Ev1REFRESH2", "1700000011.000200");

        await _fake.WaitForMethodAsync("chat.postMessage", c => c.Get("thread_ts") == "1700000011.000100");
        await _fake.WaitForMethodAsync("chat.postMessage", c => c.Get("thread_ts") == "1700000011.000200");
        Assert.Equal(2, _fake.Sockets.Count);
        Assert.Equal(ConnectionState.Connected, _bot.Status.Current.State);
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task Link_disabled_stops_the_adapter_with_a_clear_reason()
    {
        var socket = await _fake.WaitForSocketAsync(0);
        await socket.SendDisconnectAsync("link_disabled");

        await Eventually.TrueAsync(() => _bot.Status.Current.State == ConnectionState.StoppedFatal, "stopped");
        Assert.Contains("link_disabled", _bot.Status.Current.Reason, StringComparison.Ordinal);
        Assert.False(_bot.Status.Current.IsReady);
        await socket.Closed.WaitAsync(Signal.HangGuard);
        Assert.Single(_fake.Sockets);
        Assert.Single(_fake.Calls, c => c.Method == "apps.connections.open");
    }

    [Fact]
    public async Task A_dropped_socket_is_reconnected_with_back_off()
    {
        var first = await _fake.WaitForSocketAsync(0);
        first.Abort();

        var second = await _fake.WaitForSocketAsync(1);
        await MentionAsync(second, "Ev1DROPPED1", "1700000012.000100");
        await _fake.WaitForMethodAsync("chat.postMessage");
        Assert.Equal(ConnectionState.Connected, _bot.Status.Current.State);
        Assert.Equal(2, _fake.Calls.Count(c => c.Method == "apps.connections.open"));
    }

    [Fact]
    public async Task A_redelivered_envelope_with_the_same_event_id_is_acked_again_but_answered_once()
    {
        var socket = await _fake.WaitForSocketAsync(0);
        await MentionAsync(socket, "Ev1DUPE0001", "1700000013.000100");
        await MentionAsync(socket, "Ev1DUPE0001", "1700000013.000100", retryAttempt: 1);
        await MentionAsync(socket, "Ev1DUPE0002", "1700000013.000200");

        await _fake.WaitForMethodAsync("chat.postMessage", c => c.Get("thread_ts") == "1700000013.000200");
        Assert.Single(_fake.Calls, c => c.Method == "chat.postMessage" && c.Get("thread_ts") == "1700000013.000100");
    }
}

/// <summary>Fatal answers stop the adapter (not the process) and say why.</summary>
public sealed class SocketModeFatalTests
{
    [Fact]
    public async Task A_wrong_app_token_stops_Socket_Mode_with_the_error_named()
    {
        await using var fake = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(fake, socketMode: true, http: false,
            configure: s => s["Slack:AppToken"] = "xapp-1-wrong-token");

        await Eventually.TrueAsync(() => bot.Status.Current.State == ConnectionState.StoppedFatal, "stopped");
        Assert.Contains("invalid_auth", bot.Status.Current.Reason, StringComparison.Ordinal);
        Assert.Empty(fake.Sockets);
    }

    [Fact]
    public async Task An_invalid_bot_token_stops_the_adapter_at_auth_test()
    {
        await using var fake = await FakeSlack.StartAsync();
        fake.AuthTestError = "invalid_auth";
        await using var bot = await SlackBot.StartAsync(fake, socketMode: true, http: false);

        await Eventually.TrueAsync(() => bot.Status.Current.State == ConnectionState.StoppedFatal, "stopped");
        Assert.Contains("auth.test", bot.Status.Current.Reason, StringComparison.Ordinal);
        Assert.Contains("Slack:BotToken", bot.Status.Current.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.Calls, c => c.Method == "apps.connections.open");
    }

    [Fact]
    public async Task An_unreachable_Slack_is_retried_and_reported_as_retrying_not_fatal()
    {
        // A port nothing listens on: connection refused, every time.
        await using var fake = await FakeSlack.StartAsync();
        var deadPort = fake.Port;
        await fake.DisposeAsync();
        await using var live = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(live, socketMode: true, http: false,
            configure: s => s["Slack:ApiBaseUrl"] = $"http://127.0.0.1:{deadPort}/api/");

        await Eventually.TrueAsync(() => bot.Status.Current.State == ConnectionState.Retrying, "retrying");
        Assert.True(bot.Status.Current.IsReady);
        Assert.Contains("auth.test", bot.Status.Current.Reason, StringComparison.Ordinal);
    }
}

/// <summary>The hello deadline runs on the injected <see cref="TimeProvider"/>, so it is tested without waiting.</summary>
public sealed class SocketModeHelloTests
{
    [Fact]
    public async Task A_socket_that_never_says_hello_is_dropped_after_the_deadline_and_retried()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var fake = await FakeSlack.StartAsync();
        fake.SendsHello = false;
        await using var bot = await SlackBot.StartAsync(fake, socketMode: true, http: false,
            services: s => s.AddSingleton<TimeProvider>(time));

        var silent = await fake.WaitForSocketAsync(0);
        var start = time.GetUtcNow();
        Assert.Equal(ConnectionState.Starting, bot.Status.Current.State);
        fake.SendsHello = true;

        // Step the fake clock (the hello wait may register a moment after the socket opens) until the bot gives up.
        TimeSpan? gaveUpAfter = null;
        await Eventually.TrueAsync(() =>
        {
            if (silent.IsClosed)
            {
                gaveUpAfter ??= time.GetUtcNow() - start;
                return true;
            }

            time.Advance(TimeSpan.FromSeconds(1));
            return false;
        }, "the silent socket to be closed");
        Assert.True(gaveUpAfter >= HonchoBot.Slack.SocketMode.SocketModeClient.HelloTimeout, $"gave up after {gaveUpAfter}");

        // The back-off delay also runs on the fake clock.
        await Eventually.TrueAsync(() =>
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            return fake.Sockets.Count >= 2;
        }, "a second connection");
        await Eventually.TrueAsync(() => bot.Status.Current.State == ConnectionState.Connected, "connected");
    }
}
