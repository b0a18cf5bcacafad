using System.Net;
using System.Text.Json;
using HonchoBot.Core.Answers;
using HonchoBot.Slack.Tests.Fakes;
using Moq;

namespace HonchoBot.Slack.Tests.Http;

/// <summary>HTTP mode end to end: signed requests in, Web API calls out to the fake Slack (docs/platform-protocols.md).</summary>
public sealed class SlackHttpEndpointsTests : IAsyncLifetime
{
    private FakeSlack _fake = null!;
    private SlackBot _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSlack.StartAsync();
        _bot = await SlackBot.StartAsync(_fake);
        _bot.Answerer
            .Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) => q.Text.Contains("hostile", StringComparison.Ordinal)
                ? TestAnswers.Hostile(q.Text)
                : q.Text.Contains("everything", StringComparison.Ordinal) ? TestAnswers.VeryLong(q.Text) : TestAnswers.MigClaims(q.Text));
        await _fake.WaitForMethodAsync("auth.test");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostEventAsync(string json, IDictionary<string, string>? headers = null) =>
        _bot.PostSignedAsync("/slack/events", json, "application/json", headers: headers);

    [Fact]
    public async Task The_url_verification_challenge_is_echoed()
    {
        var response = await PostEventAsync("""{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unsigned_or_wrongly_signed_or_stale_request_is_rejected_and_never_answered()
    {
        var body = SlackPayloads.AppMention("Ev0UNSIGNED", "<@UBOT0001> how many MiGs?", "1700000001.000100").ToJsonString();
        using var unsigned = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new StringContent(body) };

        Assert.Equal(HttpStatusCode.Unauthorized, (await _bot.Http.SendAsync(unsigned)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _bot.PostSignedAsync("/slack/events", body, "application/json", secret: "wrong-secret")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _bot.PostSignedAsync("/slack/events", body, "application/json",
            timestamp: DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _bot.PostSignedAsync("/slack/commands", "team_id=T0TEAM01", "application/x-www-form-urlencoded", secret: "wrong")).StatusCode);
        _bot.Answerer.Verify(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_mention_is_acknowledged_at_once_and_answered_in_its_thread_with_cited_blocks()
    {
        var response = await PostEventAsync(SlackPayloads.AppMention("Ev0MENTION1", "<@UBOT0001> How many MiGs did the Sabre pilots claim?", "1700000001.000200").ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var post = await _fake.WaitForMethodAsync("chat.postMessage");
        Assert.Equal("C0CHAN01", post.Get("channel"));
        Assert.Equal("1700000001.000200", post.Get("thread_ts"));
        Assert.Contains("*[1]*", post.BlockText(), StringComparison.Ordinal);
        Assert.Contains("Sabre pilots claimed 792 MiG-15s", post.BlockText(), StringComparison.Ordinal);
        Assert.Contains("Sources disagree", post.BlockText(), StringComparison.Ordinal);
        Assert.Empty(_fake.Violations);

        _bot.Answerer.Verify(a => a.AnswerAsync(It.Is<Question>(q =>
            q.Text == "How many MiGs did the Sabre pilots claim?"
            && q.Mode == QuestionMode.Ask
            && q.Origin.Platform == "slack"
            && q.Origin.CommunityId == "slack:" + FakeSlack.TeamId
            && q.Origin.ChannelId == "C0CHAN01"
            && q.Origin.UserId == "U0USER01"
            && !string.IsNullOrEmpty(q.Origin.CorrelationId)), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_mention_inside_a_thread_is_answered_in_that_thread()
    {
        await PostEventAsync(SlackPayloads.AppMention("Ev0THREAD01", "<@UBOT0001> and the honchos?", "1700000001.000400", threadTs: "1700000001.000300").ToJsonString());

        var post = await _fake.WaitForMethodAsync("chat.postMessage");
        Assert.Equal("1700000001.000300", post.Get("thread_ts"));
    }

    [Fact]
    public async Task A_retried_event_id_is_answered_once()
    {
        var first = SlackPayloads.AppMention("Ev0RETRY001", "<@UBOT0001> How many MiGs were lost?", "1700000001.000500").ToJsonString();
        Assert.Equal(HttpStatusCode.OK, (await PostEventAsync(first)).StatusCode);
        await _fake.WaitForMethodAsync("chat.postMessage", c => c.Get("thread_ts") == "1700000001.000500");

        foreach (var retry in new[] { "1", "2", "3" })
        {
            var response = await PostEventAsync(first, new Dictionary<string, string> { ["X-Slack-Retry-Num"] = retry, ["X-Slack-Retry-Reason"] = "http_timeout" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // One worker drains in order: once a later event is answered, any retry would have been too.
        await PostEventAsync(SlackPayloads.AppMention("Ev0RETRY002", "<@UBOT0001> later question", "1700000001.000600").ToJsonString());
        await _fake.WaitForMethodAsync("chat.postMessage", c => c.Get("thread_ts") == "1700000001.000600");

        Assert.Single(_fake.Calls, c => c.Method == "chat.postMessage" && c.Get("thread_ts") == "1700000001.000500");
        _bot.Answerer.Verify(a => a.AnswerAsync(It.Is<Question>(q => q.Text == "How many MiGs were lost?"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_direct_message_is_answered_in_a_thread_and_bots_edits_and_deletions_are_ignored()
    {
        await PostEventAsync(SlackPayloads.DirectMessage("Ev0IGNORE01", "from another bot", "1700000002.000001", subtype: "bot_message").ToJsonString());
        await PostEventAsync(SlackPayloads.DirectMessage("Ev0IGNORE02", "edited", "1700000002.000002", subtype: "message_changed").ToJsonString());
        await PostEventAsync(SlackPayloads.DirectMessage("Ev0IGNORE03", "", "1700000002.000003", subtype: "message_deleted").ToJsonString());
        await PostEventAsync(SlackPayloads.DirectMessage("Ev0IGNORE04", "my own reply", "1700000002.000004", user: FakeSlack.BotUserId).ToJsonString());
        await PostEventAsync(SlackPayloads.DirectMessage("Ev0DM000001", "Where was MiG Alley?", "1700000002.000005").ToJsonString());

        var post = await _fake.WaitForMethodAsync("chat.postMessage");
        Assert.Equal("D0DM0001", post.Get("channel"));
        Assert.Equal("1700000002.000005", post.Get("thread_ts"));
        _bot.Answerer.Verify(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Single(_fake.Calls, c => c.Method == "chat.postMessage");
    }

    [Fact]
    public async Task A_slash_command_is_acknowledged_in_channel_then_answered_through_its_response_url()
    {
        var responseUrl = _fake.NewResponseUrl();
        var form = SlackPayloads.Form(SlackPayloads.SlashCommand("ask How many MiGs did the Sabre pilots claim?", responseUrl));

        var response = await _bot.PostSignedAsync("/slack/commands", form, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var ack = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            Assert.Equal("in_channel", ack.RootElement.GetProperty("response_type").GetString());
        }

        var follow = await _fake.WaitForMethodAsync("response_url");
        Assert.Equal("in_channel", follow.Get("response_type"));
        Assert.Contains("Sabre pilots claimed 792 MiG-15s", follow.BlockText(), StringComparison.Ordinal);
        Assert.Null(follow.Authorization);
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task Fact_asks_for_the_single_best_excerpt()
    {
        var form = SlackPayloads.Form(SlackPayloads.SlashCommand("fact who were the honchos", _fake.NewResponseUrl()));
        await _bot.PostSignedAsync("/slack/commands", form, "application/x-www-form-urlencoded");

        await _fake.WaitForMethodAsync("response_url");
        _bot.Answerer.Verify(a => a.AnswerAsync(It.Is<Question>(q => q.Mode == QuestionMode.Fact && q.Text == "who were the honchos"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Help_is_answered_in_the_ack_itself()
    {
        var form = SlackPayloads.Form(SlackPayloads.SlashCommand("help", _fake.NewResponseUrl()));
        var response = await _bot.PostSignedAsync("/slack/commands", form, "application/x-www-form-urlencoded");

        var body = await response.Content.ReadAsStringAsync();
        using var ack = JsonDocument.Parse(body);
        Assert.Equal("ephemeral", ack.RootElement.GetProperty("response_type").GetString());
        Assert.Contains("/honcho ask", ack.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_text_containing_channel_mentions_is_rendered_harmless()
    {
        await PostEventAsync(SlackPayloads.AppMention("Ev0HOSTILE1", "<@UBOT0001> hostile question", "1700000003.000001").ToJsonString());

        var post = await _fake.WaitForMethodAsync("chat.postMessage");
        var all = post.BlockText() + "\n" + post.Get("text");
        Assert.DoesNotContain("<!channel>", all, StringComparison.Ordinal);
        Assert.DoesNotContain("<!here>", all, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U0VICTIM>", all, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_very_long_answer_is_accepted_by_the_strict_fake_within_every_Block_Kit_limit()
    {
        await PostEventAsync(SlackPayloads.AppMention("Ev0LONG0001", "<@UBOT0001> tell me everything", "1700000003.000002").ToJsonString());

        var post = await _fake.WaitForMethodAsync("chat.postMessage");
        Assert.Null(FakeSlack.CheckBlocks(post));
        Assert.InRange(post.Body.GetProperty("blocks").GetArrayLength(), 40, 50);
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task Interactivity_payloads_are_verified_and_acknowledged()
    {
        var payload = """{"type":"block_actions","team":{"id":"T0TEAM01"},"user":{"id":"U0USER01"},"actions":[]}""";
        var form = "payload=" + Uri.EscapeDataString(payload);

        Assert.Equal(HttpStatusCode.OK, (await _bot.PostSignedAsync("/slack/interactivity", form, "application/x-www-form-urlencoded")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _bot.PostSignedAsync("/slack/interactivity", form, "application/x-www-form-urlencoded", secret: "nope")).StatusCode);
    }
}
