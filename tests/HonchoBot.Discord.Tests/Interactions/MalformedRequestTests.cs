using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Sources;
using HonchoBot.Discord.Tests.Fakes;
using HonchoBot.Tests.Shared;
using Moq;

namespace HonchoBot.Discord.Tests.Interactions;

/// <summary>
/// Broken and ill-typed requests to the interactions endpoint: a body the server cannot frame, or a correctly
/// signed interaction whose JSON has the wrong types, gets 400 and one Debug line, never a 500 or a stack trace.
/// </summary>
public sealed class MalformedRequestTests : IAsyncLifetime
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

    /// <summary>A valid /ask command with one field replaced.</summary>
    private static string Ask(Action<JsonObject> spoil)
    {
        var command = Payloads.Command("ask", [Payloads.Option("question", "How many MiGs did the Sabres claim?")], roles: [Payloads.ModeratorRoleId]);
        spoil(command);
        return command.ToJsonString();
    }

    public static TheoryData<string> Bodies() => new()
    {
        """{"type":"1"}""",
        """{"type":1.5}""",
        """{"type":null}""",
        """[1]""",
        Ask(c => c["member"]!["roles"] = new JsonArray(1)),
        Ask(c => c["data"]!["options"]![0]!["type"] = "3"),
        Ask(c => c["data"]!["options"] = "question"),
        Ask(c => c["member"]!["permissions"] = 32),
        Ask(c => c["data"] = "deep").Replace("\"deep\"", new string('[', 300) + new string(']', 300), StringComparison.Ordinal),
        Ask(c => c["id"] = 1400000000000000000),
        Ask(c => c["data"]!["options"]![0]!["value"] = "placeholder").Replace("placeholder", "\\ud800 How many MiGs?", StringComparison.Ordinal),
        Ask(c => c["data"]!["name"] = "placeholder").Replace("placeholder", "\\udc00ask", StringComparison.Ordinal),
    };

    /// <summary>JSON arrays and maps may hold nulls where objects are expected: they are skipped, never dereferenced.</summary>
    public static TheoryData<string> NullElements() => new()
    {
        Ask(c => c["data"]!["options"] = new JsonArray(null, Payloads.Option("question", "How many MiGs?"))),
        Ask(c => c["member"]!["roles"] = new JsonArray(null, "1")),
        Ask(c => c["data"]!["resolved"] = new JsonObject { ["attachments"] = new JsonObject { ["1"] = null } }),
        Payloads.ModalSubmit("honcho:addsrc:1", []).ToJsonString().Replace("\"components\":[]", "\"components\":[null,{\"type\":1,\"components\":[null]}]", StringComparison.Ordinal),
    };

    [Theory]
    [MemberData(nameof(NullElements))]
    public async Task A_signed_interaction_with_null_elements_is_answered_without_an_error(string body)
    {
        _bot.Answerer.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) => SampleAnswers.Fact(q.Text));
        _bot.Registry.Setup(r => r.AddAsync(It.IsAny<SourceAddRequest>(), It.IsAny<Requester>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SourceResult(SourceOutcome.Invalid, "Nothing to add."));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var response = await _bot.Http.SendAsync(FakeDiscord.SignedRequest(body, timestamp, FakeDiscord.Sign(timestamp + body)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(_bot.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_delete_button_without_a_bot_token_says_so_instead_of_a_request_that_must_fail()
    {
        var button = Payloads.Button("honcho:del:" + Payloads.UserId, Payloads.NewId()).ToJsonString();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var response = await _bot.Http.SendAsync(FakeDiscord.SignedRequest(button, timestamp, FakeDiscord.Sign(timestamp + button)));

        // An ephemeral message (type 4), not the deferred update (type 6) a deletion starts with.
        var reply = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(4, reply["type"]!.GetValue<int>());
        Assert.Contains("without a bot token", reply["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_signed_interaction_with_wrong_types_gets_400_and_reaches_nothing(string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var response = await _bot.Http.SendAsync(FakeDiscord.SignedRequest(body, timestamp, FakeDiscord.Sign(timestamp + body)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(_bot.Logs.Lines, l => l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("does not fit", StringComparison.Ordinal));
        Assert.DoesNotContain(_bot.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
        _bot.Answerer.VerifyNoOtherCalls();
        _bot.Registry.VerifyNoOtherCalls();
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
