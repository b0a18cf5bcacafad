using System.Text;
using HonchoBot.Core.Corpus;

namespace HonchoBot.Core.Tests.Corpus;

/// <summary>
/// How forgiving the corpus format's front matter is: what the loader accepts, and what it refuses with a reason
/// instead of failing the whole corpus.
/// </summary>
public sealed class FrontMatterLeniencyTests
{
    private static SourceParseResult Parse(string text) => SourceFileFormat.Parse(Encoding.UTF8.GetBytes(text), "lenient.md", isShipped: true);

    [Fact]
    public void Parse_UnknownKeysAndNestedValues_AreIgnored()
    {
        var result = Parse("---\ntitle: T\nfoo: bar\ntags: [a, b]\nnested:\n  x: 1\n---\nBody text.\n");

        Assert.True(result.Error is null, result.Error?.ToString());
        Assert.Equal("T", result.Document!.Info.Title);
        Assert.Equal([new SourceBlock("Body text.", "¶1")], result.Document.Blocks);
    }

    [Fact]
    public void Parse_BlankLinesBeforeTheOpeningFence_AreSkipped()
    {
        var result = Parse("\n\n---\ntitle: T\n---\nBody text.\n");

        Assert.True(result.Error is null, result.Error?.ToString());
        Assert.Equal("T", result.Document!.Info.Title);
    }

    [Fact]
    public void Parse_KeysInAnyCase_AreRead()
    {
        var result = Parse("---\nTitle: T\nPUBLISHER: P\n---\nBody text.\n");

        Assert.Equal("T", result.Document!.Info.Title);
        Assert.Equal("P", result.Document.Info.Publisher);
    }

    [Fact]
    public void Parse_ClosingFenceWithTrailingSpaces_StillCloses()
    {
        var result = Parse("---\ntitle: T\n---   \nBody text.\n");

        Assert.Equal("T", result.Document!.Info.Title);
        Assert.Equal([new SourceBlock("Body text.", "¶1")], result.Document.Blocks);
    }

    [Fact]
    public void Parse_TextAfterTheClosingFenceOnItsLine_IsNotBody()
    {
        var result = Parse("---\ntitle: T\n---\n\nFirst.\n\nSecond.\n");

        Assert.Equal(["First.", "Second."], result.Document!.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Parse_NoClosingFence_IsRefusedAsMissingFrontMatter()
    {
        var result = Parse("---\ntitle: T\nBody text.\n");

        Assert.Null(result.Document);
        Assert.StartsWith("missing YAML front matter", result.Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoFrontMatterAtAll_IsRefused()
    {
        var result = Parse("Just a body.\n");

        Assert.Null(result.Document);
        Assert.StartsWith("missing YAML front matter", result.Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FrontMatterThatIsAList_IsRefused()
    {
        var result = Parse("---\n- a\n- b\n---\nBody text.\n");

        Assert.Null(result.Document);
        Assert.Equal("the front matter is not a list of 'key: value' lines", result.Error!.Reason);
    }

    [Fact]
    public void Parse_PlainLinesWithQuotesAndComments_AreReadWhenStrictYamlFails()
    {
        var result = Parse("---\n# a comment\ntitle: 'Korea: the air war'\nauthor: \"A: B\"\nnotes: one: two\n---\nBody text.\n");

        Assert.True(result.Error is null, result.Error?.ToString());
        Assert.Equal("Korea: the air war", result.Document!.Info.Title);
        Assert.Equal("A: B", result.Document.Info.Author);
        Assert.Equal("one: two", result.Document.Info.Notes);
    }

    [Fact]
    public void Parse_DashesInsideTheBody_StayBodyText()
    {
        var result = Parse("---\ntitle: T\n---\nFirst.\n\n---\n\nSecond.\n");

        Assert.Equal(["First.", "---", "Second."], result.Document!.Blocks.Select(b => b.Text));
    }
}
