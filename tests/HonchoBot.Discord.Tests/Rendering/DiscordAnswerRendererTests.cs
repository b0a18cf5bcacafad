using System.Text.Json;
using System.Text.Json.Nodes;
using HonchoBot.Core.Answers;
using HonchoBot.Discord.Rendering;
using HonchoBot.Discord.Rest;
using HonchoBot.Discord.Tests.Fakes;

namespace HonchoBot.Discord.Tests.Rendering;

public sealed class DiscordAnswerRendererTests
{
    private readonly DiscordAnswerRenderer _renderer = new();

    private static JsonNode Wire(DiscordMessage message) =>
        JsonNode.Parse(JsonSerializer.Serialize(message, HonchoBot.Discord.Rest.DiscordJson.Options))!;

    [Fact]
    public void Render_AnswerWithDisagreement_HasExcerptsSourcesDisagreementAndFooter()
    {
        var wire = Wire(_renderer.Render(SampleAnswers.WithDisagreement("How many MiGs were lost?"), askerId: "42"));

        Assert.Empty(MessageRules.Check(wire));
        var embed = wire["embeds"]![0]!;
        Assert.Equal("How many MiGs were lost?", embed["title"]!.GetValue<string>());
        var description = embed["description"]!.GetValue<string>();
        Assert.Contains("**[1]**", description, StringComparison.Ordinal);
        Assert.Contains("**[2]**", description, StringComparison.Ordinal);
        var fields = embed["fields"]!.AsArray();
        Assert.Equal("⚠️ Sources disagree: communist aircraft lost (different measures)", fields[0]!["name"]!.GetValue<string>());
        Assert.Contains("**[1]** 792", fields[0]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("**[2]** 335", fields[0]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("The Sangha Kommune · 2017-01-20 · ¶6", fields[2]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("<https://thesanghakommune.org/", fields[2]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(embed["footer"]);
        Assert.Equal(DiscordAnswerRenderer.DisagreementColor, embed["color"]!.GetValue<int>());
        var buttons = wire["components"]![0]!["components"]!.AsArray();
        Assert.Equal("honcho:del:42", buttons[^1]!["custom_id"]!.GetValue<string>());
        Assert.Equal(5, buttons[0]!["style"]!.GetValue<int>());
    }

    [Fact]
    public void Render_CitedSourceWithNotes_ShowsTheNotesInItsSourceFieldOnly()
    {
        var wire = Wire(_renderer.Render(SampleAnswers.WithDisagreement("How many MiGs were lost?")));

        var fields = wire["embeds"]![0]!["fields"]!.AsArray().Select(f => f!["value"]!.GetValue<string>()).ToList();
        Assert.Contains("*Note: " + SampleAnswers.SanghaNotes + "*", fields[2], StringComparison.Ordinal);
        Assert.DoesNotContain("Note:", fields[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_VeryLongAnswer_StaysWithinEveryLimit()
    {
        var longSentence = string.Concat(Enumerable.Repeat("The MiG-15 pilots of the 64th Fighter Aviation Corps flew from Antung across the Yalu into MiG Alley. ", 6));
        var citations = Enumerable.Range(1, 5).Select(n => new Citation(
            n,
            $"source-{n}",
            new string('T', 400),
            new string('A', 300),
            new string('P', 300),
            "1951-04-12",
            "https://example.org/" + new string('u', 600),
            "¶" + n,
            $"source-{n}#{n}",
            longSentence[..600],
            new string('N', 2000),
            1.0)).ToList();
        var disagreements = Enumerable.Range(0, 30).Select(i => new Disagreement(
            DisagreementKind.Conflict,
            new string('x', 300),
            new string('n', 1200),
            [new DisagreementClaim(1, longSentence, "792"), new DisagreementClaim(2, longSentence, "335")])).ToList();
        var answer = new Answer(new string('q', 2000), AnswerStatus.Answered, null, citations, disagreements, 9);

        var wire = Wire(_renderer.Render(answer, askerId: "1300000000000000005"));

        Assert.Empty(MessageRules.Check(wire));
        var embed = wire["embeds"]![0]!.AsObject();
        Assert.True(embed["title"]!.GetValue<string>().Length <= DiscordLimits.EmbedTitle);
        Assert.EndsWith("…", embed["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(embed["fields"]!.AsArray().Count <= DiscordLimits.EmbedFields);
    }

    [Fact]
    public void Render_ExcerptWithMentionsAndMarkdown_IsDefused()
    {
        var citation = SampleAnswers.Milwaukee() with { Excerpt = "@everyone look: <@123> **bold** _under_ `code` [link](https://evil.example)" };
        var answer = new Answer("q", AnswerStatus.Answered, null, [citation], [], 1);

        var wire = Wire(_renderer.Render(answer));
        var description = wire["embeds"]![0]!["description"]!.GetValue<string>();

        Assert.Empty(wire["allowed_mentions"]!["parse"]!.AsArray());
        Assert.DoesNotContain("@everyone", description, StringComparison.Ordinal);
        Assert.DoesNotContain("<@123>", description, StringComparison.Ordinal);
        Assert.Contains("\\*\\*bold\\*\\*", description, StringComparison.Ordinal);
        Assert.Contains("\\[link\\]", description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AnswerStatus.NoAnswer, "I couldn't find anything")]
    [InlineData(AnswerStatus.Busy, "try again in a minute")]
    [InlineData(AnswerStatus.RateLimited, "wait a minute")]
    [InlineData(AnswerStatus.NotReady, "still loading")]
    public void Render_NotAnswered_SaysWhatToDo(AnswerStatus status, string expected)
    {
        var answer = status == AnswerStatus.NoAnswer ? SampleAnswers.NoAnswer("pizza?") : Answer.Without("q", status, "internal detail");

        var wire = Wire(_renderer.Render(answer));

        Assert.Empty(MessageRules.Check(wire));
        Assert.Contains(expected, wire["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Short.", 10, "Short.")]
    [InlineData("First sentence here. Second sentence is long.", 30, "First sentence here. …")]
    [InlineData("words words words words words", 17, "words words…")]
    public void Truncate_CutsAtSentenceOrWordBoundary(string text, int max, string expected)
    {
        var cut = DiscordText.Truncate(text, max);

        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= max);
    }
}
