using System.Text.Json.Nodes;
using HonchoBot.Core.Answers;
using HonchoBot.Slack.Rendering;
using HonchoBot.Slack.Tests.Fakes;

namespace HonchoBot.Slack.Tests.Rendering;

public sealed class SlackAnswerRendererTests
{
    private readonly SlackAnswerRenderer _renderer = new();

    private static IEnumerable<JsonObject> Blocks(SlackMessage message) => message.Blocks!.Select(b => b!.AsObject());

    /// <summary>Every string value in the message (not its JSON form, whose escaping would hide a "&lt;").</summary>
    private static string AllText(SlackMessage message) => message.Text + "\n" + string.Join("\n", Strings(message.Blocks));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    private static string ElementsText(JsonObject context) => string.Join("\n", Strings(context["elements"]));

    [Fact]
    public void Render_Answered_PutsEachExcerptInASectionWithItsMarkerAndItsSourceInAContextLink()
    {
        var message = _renderer.Render(TestAnswers.MigClaims("How many MiGs did the Sabres claim?"));

        var sections = Blocks(message).Where(b => (string?)b["type"] == "section").Select(b => (string)b["text"]!["text"]!).ToList();
        Assert.Contains(sections, s => s.StartsWith("*[1]*", StringComparison.Ordinal) && s.Contains("Sabre pilots claimed 792 MiG-15s", StringComparison.Ordinal));
        Assert.Contains(sections, s => s.StartsWith("*[2]*", StringComparison.Ordinal) && s.Contains("lost 335 planes", StringComparison.Ordinal));

        var contexts = Blocks(message).Where(b => (string?)b["type"] == "context").Select(ElementsText).ToList();
        Assert.Contains(contexts, c => c.Contains("<https://milwaukeeindependent.com/?p=209954|A Cold War Secret", StringComparison.Ordinal) && c.Contains("¶23", StringComparison.Ordinal));
        Assert.Contains(contexts, c => c.Contains("The Sangha Kommune", StringComparison.Ordinal) && c.Contains("2017-01-20", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_CitedSourceWithNotes_ShowsTheNotesBesideThatSourceOnly()
    {
        var message = _renderer.Render(TestAnswers.MigClaims("How many MiGs did the Sabres claim?"));

        var contexts = Blocks(message).Where(b => (string?)b["type"] == "context").Select(ElementsText).ToList();
        Assert.Contains(contexts, c => c.Contains("The Sangha Kommune", StringComparison.Ordinal) && c.Contains("_Note: " + TestAnswers.SanghaNotes + "_", StringComparison.Ordinal));
        Assert.Contains(contexts, c => c.Contains("Milwaukee Independent", StringComparison.Ordinal) && !c.Contains("Note:", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Disagreement_AddsASourcesDisagreeSectionWithBothClaims()
    {
        var message = _renderer.Render(TestAnswers.MigClaims("How many MiGs were lost?"));

        var texts = Blocks(message).Where(b => (string?)b["type"] == "section").Select(b => (string)b["text"]!["text"]!).ToList();
        Assert.Contains(texts, t => t.Contains("Sources disagree", StringComparison.Ordinal));
        var detail = Assert.Single(texts, t => t.Contains("communist aircraft lost", StringComparison.Ordinal));
        Assert.Contains("[1] Sabre pilots claimed 792 MiG-15s — *792*", detail, StringComparison.Ordinal);
        Assert.Contains("[2] The Soviet Airforce lost 335 planes — *335*", detail, StringComparison.Ordinal);
        Assert.Contains("different measures", detail, StringComparison.Ordinal);
        Assert.Contains("Sources disagree", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileSourceText_CannotMentionOrLink()
    {
        var message = _renderer.Render(TestAnswers.Hostile("q"));
        var all = AllText(message);

        foreach (var dangerous in new[] { "<!channel>", "<!here>", "<!everyone>", "<@U0VICTIM>", "<https://evil.example", "<!subteam" })
        {
            Assert.DoesNotContain(dangerous, all, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;!channel&gt;", all, StringComparison.Ordinal);
        Assert.Contains("&amp; act &gt; now", all, StringComparison.Ordinal);

        // The one real link is the citation's own URL, with its label escaped and no way to end the link early.
        var context = Blocks(message).First(b => (string?)b["type"] == "context");
        var link = (string)context["elements"]![0]!["text"]!;
        Assert.StartsWith("<https://milwaukeeindependent.com/?p=209954%7C%3C!channel%3E|Honchos &lt;!everyone&gt; ¦ &lt;https://evil.example¦trusted&gt;>", link, StringComparison.Ordinal);
        Assert.Equal(1, link.Count(c => c == '<'));
    }

    [Fact]
    public void Render_VeryLongAnswerWithButtons_KeepsTheButtonsWithinFiftyBlocks()
    {
        var answer = TestAnswers.VeryLong("q") with { FeedbackId = "261201abcdefghij" };

        var message = _renderer.Render(answer, askerId: "U0USER01");

        Assert.Equal(BlockKit.MaxBlocks, message.Blocks!.Count);
        var actions = message.Blocks[^1]!;
        Assert.Equal("actions", (string?)actions["type"]);
        Assert.Equal(["honcho_vote_up", "honcho_vote_down", "honcho_delete"], actions["elements"]!.AsArray().Select(e => (string?)e!["action_id"]));
        Assert.Equal("honcho-asker-U0USER01", (string?)message.Blocks[0]!["block_id"]);
    }

    [Fact]
    public void Render_NoAnswer_HasNoButtons()
    {
        var message = _renderer.Render(Answer.Without("q", AnswerStatus.NoAnswer, "Nothing.") with { FeedbackId = "261201abcdefghij" }, askerId: "U0USER01");

        Assert.DoesNotContain(message.Blocks!, b => (string?)b!["type"] == "actions");
    }

    [Fact]
    public void Render_VeryLongAnswer_StaysWithinEveryBlockKitLimit()
    {
        var message = _renderer.Render(TestAnswers.VeryLong("q"));

        Assert.InRange(message.Blocks!.Count, 1, BlockKit.MaxBlocks);
        Assert.InRange(message.Text.Length, 1, SlackMessage.MaxTextLength);
        foreach (var block in Blocks(message))
        {
            switch ((string?)block["type"])
            {
                case "section":
                    Assert.InRange(((string)block["text"]!["text"]!).Length, 1, BlockKit.MaxSectionText);
                    break;
                case "context":
                    Assert.InRange(block["elements"]!.AsArray().Count, 1, BlockKit.MaxContextElements);
                    break;
            }
        }

        Assert.Contains("omitted", ((string)Blocks(message).Last()["elements"]![0]!["text"]!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AnswerStatus.NoAnswer, "Nothing in my sources covers that. Try asking about MiG Alley.")]
    [InlineData(AnswerStatus.Invalid, "Questions must be 2,000 characters or fewer <sorry>.")]
    public void Render_WithoutCitations_ShowsTheMessageEscaped(AnswerStatus status, string text)
    {
        var message = _renderer.Render(Answer.Without("q", status, text));
        Assert.Equal(SlackText.Escape(text), message.Text);
        Assert.Single(message.Blocks!);
    }

    [Fact]
    public void Context_WithMoreThanTenElements_KeepsTen()
    {
        var block = BlockKit.Context(Enumerable.Range(0, 15).Select(i => "e" + i));
        Assert.Equal(10, block["elements"]!.AsArray().Count);
    }

    [Fact]
    public void Section_WithLongText_IsCutAtAWordBoundaryWithinTheLimit()
    {
        var block = BlockKit.Section(string.Concat(Enumerable.Repeat("word ", 1000)));
        var text = (string)block["text"]!["text"]!;
        Assert.True(text.Length <= BlockKit.MaxSectionText);
        Assert.EndsWith("word…", text, StringComparison.Ordinal);
    }
}
