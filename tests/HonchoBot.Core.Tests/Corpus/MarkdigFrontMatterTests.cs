using System.Text;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Ingestion;
using HonchoBot.Core.Sources;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Tests.Corpus;

/// <summary>
/// Where reading Markdown with Markdig differs from the hand-written parsers it replaced: each case here was
/// either an exception or a misreading before.
/// </summary>
public sealed class MarkdigFrontMatterTests
{
    private static readonly SourceExtractor Extractor = new(Options.Create(new SourceOptions()));

    private static SourceParseResult Parse(string text) => SourceFileFormat.Parse(Encoding.UTF8.GetBytes(text), "markdig.md", isShipped: true);

    private static ExtractionResult Extract(string markdown) => Extractor.Extract(Encoding.UTF8.GetBytes(markdown), ContentKind.Markdown);

    [Fact]
    public void Parse_EmptyFrontMatter_IsRefusedForItsMissingTitle()
    {
        // The old split threw ArgumentOutOfRangeException on "---\n---".
        var result = Parse("---\n---\nBody text.\n");

        Assert.Null(result.Document);
        Assert.Equal("the front matter has no title", result.Error!.Reason);
    }

    [Fact]
    public void Parse_FrontMatterClosedWithYamlsDocumentEndMarker_IsRead()
    {
        var result = Parse("---\ntitle: T\n...\nBody text.\n");

        Assert.True(result.Error is null, result.Error?.ToString());
        Assert.Equal("T", result.Document!.Info.Title);
        Assert.Equal([new SourceBlock("Body text.", "¶1")], result.Document.Blocks);
    }

    [Fact]
    public void Extract_EmptyFrontMatter_ReadsTheBody()
    {
        var result = Extract("---\n---\n# The Heading\n\nBody text.\n");

        Assert.Equal("The Heading", result.Source!.Title);
        Assert.Equal(["The Heading", "Body text."], result.Source.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Extract_LinkSyntaxInsideCode_StaysAsWritten()
    {
        var result = Extract("Write `[text](url)` for a link and `<!-- page 2 -->` for a page.\n");

        Assert.Equal(["Write `[text](url)` for a link and `<!-- page 2 -->` for a page."], result.Source!.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Extract_LinkWhoseTargetHasParentheses_KeepsOnlyItsText()
    {
        // The old pattern stopped at the first ')' and left "report) end.".
        var result = Extract("See the [report](https://example.org/a_(b)) end.\n");

        Assert.Equal(["See the report end."], result.Source!.Blocks.Select(b => b.Text));
    }
}
