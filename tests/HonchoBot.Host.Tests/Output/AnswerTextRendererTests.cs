using HonchoBot.Core.Answers;
using HonchoBot.Host.Output;

namespace HonchoBot.Host.Tests.Output;

public sealed class AnswerTextRendererTests
{
    private static Citation Cite(int n, string sourceId, string? notes) =>
        new(n, sourceId, "Title " + n, null, "Publisher " + n, null, null, "¶" + n, $"{sourceId}#{n}", "Excerpt " + n + ".", notes, 1.0);

    [Fact]
    public void Render_CitedSourceWithNotes_PrintsTheNotesUnderThatSourceOnly()
    {
        var answer = new Answer(
            "q",
            AnswerStatus.Answered,
            null,
            [Cite(1, "plain", null), Cite(2, "partisan", "Written from an openly partisan\nstandpoint.")],
            [],
            1);

        var lines = AnswerTextRenderer.Render(answer).Split('\n');

        var second = Array.FindIndex(lines, l => l.Contains("[2] Title 2", StringComparison.Ordinal));
        Assert.Equal("      Note: Written from an openly partisan standpoint.", lines[second + 1]);
        Assert.Single(lines, l => l.Contains("Note:", StringComparison.Ordinal));
    }
}
