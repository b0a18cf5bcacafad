using HonchoBot.Slack.Tests.Fakes;
using HonchoBot.Tests.Shared;

namespace HonchoBot.Slack.Tests.Http;

/// <summary>A request the server cannot even frame is the sender's fault: 400, one Debug line, no stack trace.</summary>
public sealed class BrokenRequestTests : IAsyncLifetime
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
