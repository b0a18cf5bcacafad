using System.Text.Json;

namespace HonchoBot.Core.Tests.Answers;

/// <summary>
/// Real answers from the fixture pipeline, serialised the way <c>honcho ask --json</c> writes them
/// (<see cref="JsonDefaults.Compact"/>), carry exactly the fields docs/json-contract.md lists, whatever the status.
/// </summary>
public sealed class AnswerJsonShapeTests(FixtureAnswerer fixture) : IClassFixture<FixtureAnswerer>
{
    private static readonly string[] TopLevel = ["question", "status", "message", "citations", "disagreements", "elapsedMs"];

    private static readonly string[] CitationFields =
        ["n", "sourceId", "title", "author", "publisher", "published", "url", "location", "passageId", "excerpt", "notes", "score"];

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    [Theory]
    [InlineData("How many MiG-15s were shot down?", "answered")]
    [InlineData("Who won the 1966 World Cup?", "no_answer")]
    [InlineData("   ", "invalid")]
    public void Serialize_RealAnswer_HasExactlyTheDocumentedFields(string question, string status)
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(fixture.Ask(question), JsonDefaults.Compact));
        var root = json.RootElement;

        Assert.Equal(TopLevel, Names(root));
        Assert.Equal(status, root.GetProperty("status").GetString());
        Assert.All(root.GetProperty("citations").EnumerateArray(), c => Assert.Equal(CitationFields, Names(c)));
        foreach (var disagreement in root.GetProperty("disagreements").EnumerateArray())
        {
            Assert.Equal(["kind", "topic", "note", "claims"], Names(disagreement));
            Assert.All(disagreement.GetProperty("claims").EnumerateArray(), c => Assert.Equal(["citation", "statement", "value"], Names(c)));
        }
    }

    [Fact]
    public void Serialize_AnsweredWithDisagreement_FillsCitationsAndDisagreements()
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(fixture.Ask("How many MiG-15s were shot down?"), JsonDefaults.Compact));
        var root = json.RootElement;

        Assert.Equal(JsonValueKind.Null, root.GetProperty("message").ValueKind);
        Assert.InRange(root.GetProperty("citations").GetArrayLength(), 2, 5);
        Assert.Equal("different_measure", root.GetProperty("disagreements")[0].GetProperty("kind").GetString());
    }
}
