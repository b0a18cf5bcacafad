using System.Net;
using HonchoBot.Core.Answers;
using HonchoBot.Slack.Tests.Fakes;
using HonchoBot.Tests.Shared;
using Moq;

namespace HonchoBot.Slack.Tests.Http;

/// <summary>
/// Broken and ill-typed requests to the HTTP endpoints. A body the server cannot frame gets 400 and one Debug
/// line; a correctly signed body whose JSON has the wrong types is acknowledged without action and one Debug
/// line. Never a 500, never a stack trace, never a retry from Slack.
/// </summary>
public sealed class MalformedRequestTests : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _logs = new();
    private FakeSlack _fake = null!;
    private SlackBot _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSlack.StartAsync();
        _bot = await SlackBot.StartAsync(_fake, logs: _logs);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private static string Deep(int levels) => new string('[', levels) + new string(']', levels);

    public static TheoryData<string> Events() => new()
    {
        """{"type":1}""",
        """{"type":{}}""",
        """{"type":"event_callback","event_id":7,"event":{"type":"app_mention"}}""",
        """{"type":"event_callback","event_id":"Ev1","event":"app_mention"}""",
        """{"type":"event_callback","event_id":"Ev2","event":{"type":"app_mention","user":["U1"],"channel":"C1","ts":"1.1","text":"q"}}""",
        """{"type":"event_callback","event_id":"Ev3","event":{"type":"message","channel_type":"im","user":"U1","channel":"D1","ts":"1.1","files":{"id":"F1"}}}""",
        """{"type":"event_callback","event":""" + Deep(200) + "}",
    };

    [Theory]
    [MemberData(nameof(Events))]
    public async Task A_signed_event_with_wrong_types_is_acknowledged_without_action(string json)
    {
        var response = await _bot.PostSignedAsync("/slack/events", json, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertDroppedQuietly();
    }

    [Theory]
    [InlineData(SlackEvents.FilesWithANull)]
    [InlineData(SlackEvents.BlocksWithANull)]
    public async Task A_signed_payload_with_null_elements_is_acknowledged_without_an_error(string json)
    {
        var path = json.Contains("message_action", StringComparison.Ordinal) ? "/slack/interactivity" : "/slack/events";
        var body = path == "/slack/events" ? json : SlackPayloads.Form(new() { ["payload"] = json });

        _bot.Answerer.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) => TestAnswers.MigClaims(q.Text));

        var response = await _bot.PostSignedAsync(path, body, path == "/slack/events" ? "application/json" : "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(_logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    private static class SlackEvents
    {
        public const string FilesWithANull = """{"type":"event_callback","event_id":"EvNULL1","team_id":"T0TEAM01","event":{"type":"message","channel_type":"im","user":"U1","channel":"D1","ts":"1.1","text":"How many MiGs?","files":[null,{"id":"F1"}]}}""";
        public const string BlocksWithANull = """{"type":"message_action","callback_id":"honcho_delete","channel":{"id":"C1"},"user":{"id":"U1"},"message":{"ts":"1.1","bot_id":"BBOT0001","blocks":[null]}}""";
    }

    public static TheoryData<string> Interactions() => new()
    {
        """{"type":"view_submission","view":{"callback_id":"honcho_source_add","state":"text"}}""",
        """{"type":"view_submission","view":{"callback_id":"honcho_source_add","state":{"values":[1]}}}""",
        """{"type":"view_submission","view":{"callback_id":"honcho_source_add","state":{"values":{"text":{"value":{"type":"plain_text_input","value":5}}}}}}""",
        """{"type":"view_submission","user":"UMOD0001","view":{"callback_id":"honcho_source_add"}}""",
        """{"type":"message_action","callback_id":"honcho_delete","channel":{"id":"C1"},"user":{"id":"U1"},"message":{"ts":"1.1","blocks":"x"}}""",
        """{"type":["view_submission"]}""",
    };

    [Theory]
    [MemberData(nameof(Interactions))]
    public async Task A_signed_interactivity_payload_with_wrong_types_is_acknowledged_without_action(string json)
    {
        var response = await _bot.PostSignedAsync("/slack/interactivity", SlackPayloads.Form(new() { ["payload"] = json }), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        AssertDroppedQuietly();
    }

    private void AssertDroppedQuietly()
    {
        var lines = _logs.Lines.ToList();
        Assert.Contains(lines, l => l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("does not fit", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
        _bot.Registry.VerifyNoOtherCalls();
        _bot.Answerer.VerifyNoOtherCalls();
        Assert.Empty(_fake.Violations);
    }

    public static TheoryData<string, string> Framings()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in new[] { "/slack/events", "/slack/commands", "/slack/interactivity" })
        {
            data.Add(path, "fffffffffffffffffff\r\nabc\r\n0\r\n\r\n"); // overflows the chunk size
            data.Add(path, "zz\r\nabc\r\n0\r\n\r\n"); // not hex
            data.Add(path, "3\r\nabc\r\n0\r\nX-Trailer: " + new string('a', 40_000) + "\r\n\r\n"); // a 40 KB trailer
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Framings))]
    public async Task A_malformed_chunked_body_gets_400_and_a_debug_line_without_a_stack_trace(string path, string framing)
    {
        var status = await RawHttp.SendAsync(_bot.Http.BaseAddress!, RawHttp.ChunkedPost(path, framing, [("Content-Type", "application/json")]));

        Assert.Equal(400, status);
        var lines = _logs.Lines.ToList();
        // Kestrel's own Debug lines may carry its exception; nothing an operator sees at Information or above does.
        Assert.DoesNotContain(lines, l => !l.StartsWith("Debug", StringComparison.Ordinal) && !l.StartsWith("Trace", StringComparison.Ordinal)
            && (l.Contains("   at ", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.StartsWith("Debug HonchoBot.Slack", StringComparison.Ordinal) && l.Contains("Broken request to " + path, StringComparison.Ordinal));
        _bot.Answerer.VerifyNoOtherCalls();
    }
}
