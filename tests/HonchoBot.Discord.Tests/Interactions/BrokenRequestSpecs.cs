using HonchoBot.Discord.Tests.Fakes;
using HonchoBot.Tests.Shared;

namespace HonchoBot.Discord.Tests.Interactions;

/// <summary>A request the server cannot even frame is the sender's fault: 400, one Debug line, no stack trace.</summary>
public sealed class BrokenRequestSpecs : IAsyncLifetime
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

    [Theory]
    [InlineData("fffffffffffffffffff\r\nabc\r\n0\r\n\r\n")] // overflows the chunk size
    [InlineData("zz\r\nabc\r\n0\r\n\r\n")] // not hex
    [InlineData("3\r\nabc\r\n0\r\nX-Trailer: {40k}\r\n\r\n")] // a 40 KB trailer
    public async Task A_malformed_chunked_body_gets_400_and_a_debug_line_without_a_stack_trace(string framing)
    {
        var request = RawHttp.ChunkedPost("/discord/interactions", framing.Replace("{40k}", new string('a', 40_000), StringComparison.Ordinal), [("Content-Type", "application/json")]);

        var status = await RawHttp.SendAsync(_bot.Http.BaseAddress!, request);

        Assert.Equal(400, status);
        var lines = _bot.Logs.Lines;

        // Kestrel's own Debug lines may carry its exception; nothing an operator sees at Information or above does.
        Assert.DoesNotContain(lines, l => !l.StartsWith("Debug", StringComparison.Ordinal) && !l.StartsWith("Trace", StringComparison.Ordinal)
            && (l.Contains("   at ", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.StartsWith("Debug HonchoBot.Discord", StringComparison.Ordinal) && l.Contains("Broken request", StringComparison.Ordinal));
        _bot.Answerer.VerifyNoOtherCalls();
    }
}
