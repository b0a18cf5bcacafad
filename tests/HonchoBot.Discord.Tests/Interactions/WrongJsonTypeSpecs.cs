using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using HonchoBot.Discord.Tests.Fakes;

namespace HonchoBot.Discord.Tests.Interactions;

/// <summary>
/// Correctly signed interactions whose JSON has the wrong types get 400 and one Debug line, over HTTP; over the
/// gateway they are dropped the same way. Never a 500, never an exception in the router.
/// </summary>
public sealed class WrongJsonTypeSpecs : IAsyncLifetime
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
    };

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
}
