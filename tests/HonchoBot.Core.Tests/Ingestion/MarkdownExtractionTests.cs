using System.Text;
using HonchoBot.Core.Ingestion;
using HonchoBot.Core.Sources;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Tests.Ingestion;

/// <summary>A moderator's Markdown upload: front matter optional, markup dropped, words kept verbatim.</summary>
public sealed class MarkdownExtractionTests
{
    private static readonly SourceExtractor Extractor = new(Options.Create(new SourceOptions()));

    private static ExtractionResult Extract(string markdown) => Extractor.Extract(Encoding.UTF8.GetBytes(markdown), ContentKind.Markdown);

    private static string[] Texts(ExtractionResult result) => [.. result.Source!.Blocks.Select(b => b.Text)];

    [Fact]
    public void Extract_UnclosedFrontMatter_IsRefused()
    {
        var result = Extract("---\ntitle: X\nBody text.\n");

        Assert.Null(result.Source);
        Assert.Equal("the Markdown front matter has no closing '---' line", result.Error);
    }

    [Fact]
    public void Extract_FrontMatterThatIsNotAMapping_IsIgnored()
    {
        var result = Extract("---\n- a\n- b\n---\n# The Heading\n\nBody text.\n");

        Assert.Equal("The Heading", result.Source!.Title);
        Assert.Equal(["The Heading", "Body text."], Texts(result));
    }

    [Fact]
    public void Extract_UnknownAndRegistryOwnedKeys_AreIgnored()
    {
        var result = Extract("---\ntitle: T\nadded_by: someone\ncommunity: discord:1\nfoo: [1, 2]\nid: my-id\n---\nBody text.\n");

        Assert.Equal("T", result.Source!.Title);
        Assert.Equal("my-id", result.Source.Id);
        Assert.Equal(["Body text."], Texts(result));
    }

    [Fact]
    public void Extract_LinksKeepTheirTextAndImagesGo()
    {
        var result = Extract("Read [the report](https://example.org/r) before ![a chart](chart.png) the summary.\n");

        Assert.Equal(["Read the report before the summary."], Texts(result));
    }

    [Fact]
    public void Extract_HeadingWithALinkAndClosingHashes_GivesACleanTitle()
    {
        var result = Extract("## The [MiG-15](https://example.org/mig) in Korea ##\n\nBody text.\n");

        Assert.Equal("The MiG-15 in Korea", result.Source!.Title);
        Assert.Equal(["The MiG-15 in Korea", "Body text."], Texts(result));
    }

    [Fact]
    public void Extract_FirstHeadingIsTheTitle_LaterOnesAreBodyText()
    {
        var result = Extract("Intro line.\n\n# First\n\nText.\n\n# Second\n");

        Assert.Equal("First", result.Source!.Title);
        Assert.Equal(["Intro line.", "First", "Text.", "Second"], Texts(result));
    }

    [Fact]
    public void Extract_HtmlComments_AreDropped()
    {
        var result = Extract("Before.\n\n<!-- a note\n\nover two paragraphs -->\n\nAfter.\n");

        Assert.Equal(["Before.", "After."], Texts(result));
    }

    [Fact]
    public void Extract_EmphasisAndOtherMarkup_StayAsWritten()
    {
        var result = Extract("Trucks crossed *at night*, with **lights off**.\n\n- one\n- two\n");

        Assert.Equal(["Trucks crossed *at night*, with **lights off**.", "- one - two"], Texts(result));
    }
}
