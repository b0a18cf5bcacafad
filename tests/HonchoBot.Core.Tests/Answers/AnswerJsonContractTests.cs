using System.Text.Json;
using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Tests.Answers;

/// <summary>The JSON contract of docs/json-contract.md.</summary>
public sealed class AnswerJsonContractTests
{
    private static readonly Answer Sample = new(
        "How many MiGs did the Sabre pilots claim? — “honchos” 班長",
        AnswerStatus.Answered,
        null,
        [
            new Citation(1, "milwaukee-independent-mig-graves", "A Cold War Secret", null, "Milwaukee Independent", null, "https://milwaukeeindependent.com/?p=209954", "¶20", "milwaukee-independent-mig-graves#15", "Sabre pilots claimed 792 MiG-15s, “honchos,” hanchō (班长) – Lüshun ¶.", null, 12.3),
            new Citation(2, "sangha-kommune-soviet-casualties", "Soviet Casualties", "Someone", "The Sangha Kommune", "2017-01-20", null, "p. 3", "sangha-kommune-soviet-casualties#3", "The Soviet Airforce lost 335 planes.", "A partisan blog; weigh its framing.", 4.5),
        ],
        [
            new Disagreement(
                DisagreementKind.DifferentMeasure,
                "communist aircraft lost",
                "kills claimed by U.S. pilots vs losses in Soviet records",
                [new DisagreementClaim(1, "Sabre pilots claimed 792 MiG-15s", "792"), new DisagreementClaim(2, "The Soviet Airforce lost 335 planes", "335–40")]),
        ],
        3.1);

    private static string Serialize(Answer answer) => JsonSerializer.Serialize(answer, JsonDefaults.Compact);

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void Serialize_Answer_UsesTheContractFieldNames()
    {
        using var json = JsonDocument.Parse(Serialize(Sample));
        var root = json.RootElement;
        Assert.Equal(["question", "status", "message", "citations", "disagreements", "elapsedMs"], Names(root));
        Assert.Equal(
            ["n", "sourceId", "title", "author", "publisher", "published", "url", "location", "passageId", "excerpt", "notes", "score"],
            Names(root.GetProperty("citations")[0]));
        var disagreement = root.GetProperty("disagreements")[0];
        Assert.Equal(["kind", "topic", "note", "claims"], Names(disagreement));
        Assert.Equal(["citation", "statement", "value"], Names(disagreement.GetProperty("claims")[0]));
    }

    [Fact]
    public void Serialize_Answer_WritesValuesWithTheContractTypes()
    {
        using var json = JsonDocument.Parse(Serialize(Sample));
        var root = json.RootElement;
        Assert.Equal("answered", root.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("message").ValueKind);
        Assert.Equal(3.1, root.GetProperty("elapsedMs").GetDouble());
        var citation = root.GetProperty("citations")[0];
        Assert.Equal(1, citation.GetProperty("n").GetInt32());
        Assert.Equal(JsonValueKind.Null, citation.GetProperty("author").ValueKind);
        Assert.Equal(JsonValueKind.Null, citation.GetProperty("published").ValueKind);
        Assert.Equal(12.3, citation.GetProperty("score").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("citations")[1].GetProperty("url").ValueKind);
        Assert.Equal(JsonValueKind.Null, citation.GetProperty("notes").ValueKind);
        Assert.Equal("A partisan blog; weigh its framing.", root.GetProperty("citations")[1].GetProperty("notes").GetString());
        var disagreement = root.GetProperty("disagreements")[0];
        Assert.Equal("different_measure", disagreement.GetProperty("kind").GetString());
        Assert.Equal(2, disagreement.GetProperty("claims")[1].GetProperty("citation").GetInt32());
    }

    [Theory]
    [InlineData(AnswerStatus.Answered, "answered")]
    [InlineData(AnswerStatus.NoAnswer, "no_answer")]
    [InlineData(AnswerStatus.Invalid, "invalid")]
    [InlineData(AnswerStatus.Busy, "busy")]
    [InlineData(AnswerStatus.RateLimited, "rate_limited")]
    [InlineData(AnswerStatus.NotReady, "not_ready")]
    [InlineData(AnswerStatus.Error, "error")]
    public void Serialize_Status_IsSnakeCase(AnswerStatus status, string expected)
    {
        var json = Serialize(Answer.Without("q", status, "m"));
        Assert.Contains($"\"status\":\"{expected}\"", json, StringComparison.Ordinal);
        Assert.Equal(status, JsonSerializer.Deserialize<Answer>(json, JsonDefaults.Compact)!.Status);
    }

    [Theory]
    [InlineData(DisagreementKind.Conflict, "conflict")]
    [InlineData(DisagreementKind.DifferentMeasure, "different_measure")]
    [InlineData(DisagreementKind.ChangeOverTime, "change_over_time")]
    public void Serialize_DisagreementKind_IsSnakeCase(DisagreementKind kind, string expected) =>
        Assert.Equal($"\"{expected}\"", JsonSerializer.Serialize(kind, JsonDefaults.Compact));

    [Fact]
    public void Serialize_NonAsciiText_IsNotEscaped()
    {
        var json = Serialize(Sample);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
        foreach (var text in new[] { "“honchos,”", "班长", "班長", "–", "Lüshun", "¶20", "—", "335–40" })
        {
            Assert.Contains(text, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Serialize_Answer_IsCompactOnOneLine()
    {
        var json = Serialize(Sample);
        Assert.DoesNotContain('\n', json);
        Assert.DoesNotContain("\": ", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_SerializedAnswer_RoundTrips()
    {
        var json = Serialize(Sample);
        var back = JsonSerializer.Deserialize<Answer>(json, JsonDefaults.Compact)!;
        Assert.Equal(json, Serialize(back));
        Assert.Equal(Sample.Citations, back.Citations);
        Assert.Equal(Sample.Disagreements[0].Claims, back.Disagreements[0].Claims);
    }

    [Fact]
    public void Serialize_NoAnswer_HasEmptyListsAndAMessage()
    {
        using var json = JsonDocument.Parse(Serialize(Answer.Without("pizza?", AnswerStatus.NoAnswer, "My sources do not seem to answer that.", 0.5)));
        var root = json.RootElement;
        Assert.Equal("no_answer", root.GetProperty("status").GetString());
        Assert.Equal(0, root.GetProperty("citations").GetArrayLength());
        Assert.Equal(0, root.GetProperty("disagreements").GetArrayLength());
        Assert.Equal("My sources do not seem to answer that.", root.GetProperty("message").GetString());
    }
}
