using System.Text.Json.Nodes;
using HonchoBot.Slack.Tests.Fakes;

namespace HonchoBot.Slack.Tests.SocketMode;

/// <summary>An envelope whose payload has the wrong JSON types is still acknowledged, then dropped with one Debug line.</summary>
public sealed class WrongJsonTypeEnvelopeTests : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _logs = new();
    private FakeSlack _fake = null!;
    private SlackBot _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSlack.StartAsync();
        _bot = await SlackBot.StartAsync(_fake, socketMode: true, http: false, logs: _logs);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Theory]
    [InlineData("interactive", """{"type":"view_submission","view":{"callback_id":"honcho_source_add","state":{"values":"x"}}}""")]
    [InlineData("events_api", """{"type":{},"event":{}}""")]
    [InlineData("slash_commands", """{"team_id":1,"command":"/honcho"}""")]
    public async Task The_envelope_is_acked_and_nothing_else_happens(string type, string payload)
    {
        var socket = await _fake.WaitForSocketAsync(0);

        var id = await socket.SendEnvelopeAsync(type, JsonNode.Parse(payload)!.AsObject());
        var ack = await socket.WaitForAckAsync(id);

        Assert.Equal(id, ack.GetProperty("envelope_id").GetString());
        var lines = _logs.Lines.ToList();
        Assert.Contains(lines, l => l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("does not fit", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("Error", StringComparison.Ordinal));
        _bot.Registry.VerifyNoOtherCalls();
        Assert.Empty(_fake.Violations);
    }
}
