using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Tests.Answers;

public sealed class CitationLinksTests
{
    private static Citation Citation(int n, string sourceId, int ordinal, string? url) =>
        new(n, sourceId, "Title", null, null, null, url, "¶1", $"{sourceId}#{ordinal}", "Excerpt.", null, 1.0);

    [Fact]
    public void Apply_SourceWithoutUrl_LinksToItsPassagePage()
    {
        var answer = new Answer("q", AnswerStatus.Answered, null, [Citation(1, "pasted-notes", 3, null), Citation(2, "article", 0, "https://example.org/a")], [], 1);

        var linked = CitationLinks.Apply(answer, "https://honcho.example.org/");

        Assert.Equal("https://honcho.example.org/sources/pasted-notes/passages/3#passage", linked.Citations[0].Url);
        Assert.Equal("https://example.org/a", linked.Citations[1].Url);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Apply_NoPublicBaseUrl_LeavesUrlsAlone(string? baseUrl)
    {
        var answer = new Answer("q", AnswerStatus.Answered, null, [Citation(1, "pasted-notes", 3, null)], [], 1);

        Assert.Null(CitationLinks.Apply(answer, baseUrl).Citations[0].Url);
    }
}
