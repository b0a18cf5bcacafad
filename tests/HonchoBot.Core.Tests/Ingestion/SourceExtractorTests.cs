using System.Text;
using HonchoBot.Core.Ingestion;
using HonchoBot.Core.Sources;
using HonchoBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Tests.Ingestion;

public sealed class SourceExtractorTests
{
    private static readonly SourceExtractor Extractor = new(Options.Create(new SourceOptions()));

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ingest", name));

    private static string AllText(ExtractionResult result) => string.Join("\n", result.Source!.Blocks.Select(b => b.Text));

    [Fact]
    public void Extract_PlainText_SplitsParagraphsAtBlankLinesAndJoinsLines()
    {
        var result = Extractor.Extract(Encoding.UTF8.GetBytes("First line\nsame paragraph.\r\n\r\nSecond paragraph."), ContentKind.Text);

        Assert.Equal(["First line same paragraph.", "Second paragraph."], result.Source!.Blocks.Select(b => b.Text));
        Assert.Equal(["¶1", "¶2"], result.Source.Blocks.Select(b => b.Location));
    }

    [Fact]
    public void Extract_Windows1252Text_KeepsCurlyQuotes()
    {
        byte[] bytes = [.. "The pilots"u8, 0x92, .. " mess at Andong was called "u8, 0x93, .. "the caf"u8, 0xE9, 0x94, .. "."u8];
        var result = Extractor.Extract(bytes, ContentKind.Text);

        Assert.Equal("The pilots’ mess at Andong was called “the café”.", AllText(result));
    }

    [Fact]
    public void Extract_Utf16Text_ReadsIt()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("МиГ-15 над рекой Ялу.")];
        var result = Extractor.Extract(bytes, ContentKind.Text);
        Assert.Equal("МиГ-15 над рекой Ялу.", AllText(result));
    }

    [Fact]
    public void Extract_BinaryBytesAsText_IsRefused()
    {
        var bytes = new byte[2000];
        new Random(7).NextBytes(bytes);
        Array.Fill(bytes, (byte)0, 0, 200);

        var result = Extractor.Extract(bytes, ContentKind.Text);

        Assert.Null(result.Source);
        Assert.Equal("the file is not text (it holds binary data)", result.Error);
    }

    [Fact]
    public void Extract_WhitespaceOnlyText_IsRefusedAsEmpty()
    {
        var result = Extractor.Extract("  \n\n \t "u8.ToArray(), ContentKind.Text);
        Assert.Equal("the text is empty", result.Error);
    }

    [Fact]
    public void Extract_OverTheLimit_IsTooLarge()
    {
        var small = new SourceExtractor(Options.Create(new SourceOptions { MaxBytes = 1024 }));
        var result = small.Extract(new byte[1025], ContentKind.Text);

        Assert.True(result.IsTooLarge);
        Assert.Equal("the file is 1,025 bytes; the limit is 1,024", result.Error);
    }

    [Fact]
    public void Extract_MarkdownWithFrontMatter_TakesMetadataAndCleansTheBody()
    {
        var result = Extractor.Extract(Fixture("with-front-matter.md"), ContentKind.Markdown);
        var source = result.Source!;

        Assert.Equal("Supply Routes Across the Yalu", source.Title);
        Assert.Equal("Mei Takahashi", source.Author);
        Assert.Equal("Harbour Press", source.Publisher);
        Assert.Equal("2021-03", source.Published);
        Assert.Equal("A secondary account based on interviews.", source.Notes);
        Assert.Equal(
            ["Supply Routes Across the Yalu", "Trucks crossed the Yalu river at night, with headlights off, to avoid **air attack**.", "Railway repair crews could rebuild a bombed span in less than a day."],
            source.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Extract_MarkdownWithoutFrontMatter_TakesTheFirstHeadingAsTitle()
    {
        var result = Extractor.Extract(Fixture("plain.md"), ContentKind.Markdown);

        Assert.Equal("Harbour Cranes of Wonsan", result.Source!.Title);
        Assert.Contains("Two of them were still working in 1953.", AllText(result), StringComparison.Ordinal);
        Assert.DoesNotContain("#", AllText(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_MarkdownWithBrokenFrontMatter_IsRefused()
    {
        var result = Extractor.Extract("---\ntitle: [unclosed\n---\nBody text."u8.ToArray(), ContentKind.Markdown);
        Assert.StartsWith("the Markdown front matter is not valid YAML", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_HtmlArticle_KeepsOnlyTheArticleText()
    {
        var result = Extractor.Extract(Fixture("article.html"), ContentKind.Html);
        var text = AllText(result);

        Assert.Equal("Night Fighters Over Sinuiju", result.Source!.Title);
        Assert.Equal("R. Castellanos", result.Source.Author);
        Assert.Equal("Aviation Digest", result.Source.Publisher);
        Assert.Equal("2019-06-14", result.Source.Published);
        Assert.Contains("In the winter of 1952 a detachment of La-11 night fighters flew from Andong", text, StringComparison.Ordinal);
        Assert.Contains("By spring the detachment had been replaced by MiG-15bis night fighters with better radar.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MUST-NOT-APPEAR", text, StringComparison.Ordinal);
        Assert.Equal(4, result.Source.Blocks.Count);
    }

    [Fact]
    public void Extract_HtmlWithoutArticleElement_PicksTheParagraphRichestElement()
    {
        var result = Extractor.Extract(Fixture("no-article.html"), ContentKind.Html);
        var text = AllText(result);

        Assert.Equal("Ferry timetable notes", result.Source!.Title);
        Assert.Equal(2, result.Source.Blocks.Count);
        Assert.DoesNotContain("MUST-NOT-APPEAR", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_MalformedHtml_StillYieldsItsText()
    {
        var html = "<html><title>Broken page</title><body><p>Unclosed <b>bold <i>and italic<p>Second paragraph about the Yalu bridges</div></span><<>>";
        var result = Extractor.Extract(Encoding.UTF8.GetBytes(html), ContentKind.Html);

        Assert.Equal("Broken page", result.Source!.Title);
        Assert.Contains("Second paragraph about the Yalu bridges", AllText(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_HtmlWithOnlyScriptsAndNavigation_IsRefused()
    {
        var html = "<html><head><title>Empty</title><script>var x = 1;</script></head><body><nav>Home | About</nav></body></html>";
        var result = Extractor.Extract(Encoding.UTF8.GetBytes(html), ContentKind.Html);

        Assert.Null(result.Source);
        Assert.Equal("the page has no article text", result.Error);
    }

    [Fact]
    public void Extract_GeneratedPdf_GivesPageLocationsAndInfoTitle()
    {
        var pdf = TestDocuments.Pdf(
            [["Page one tells of the airfield at Antung."], ["Page two lists the regiments."], ["Page three counts the losses."]],
            title: "Antung Airfield Notes",
            author: "K. Ivanova");

        var result = Extractor.Extract(pdf, ContentKind.Pdf);

        Assert.Equal("Antung Airfield Notes", result.Source!.Title);
        Assert.Equal("K. Ivanova", result.Source.Author);
        Assert.Equal(["p. 1", "p. 2", "p. 3"], result.Source.Blocks.Select(b => b.Location));
        Assert.Equal("Page two lists the regiments.", result.Source.Blocks[1].Text);
    }

    [Fact]
    public void Extract_HandWrittenPdf_IsReadable()
    {
        var result = Extractor.Extract(TestDocuments.PlainHandWrittenPdf(), ContentKind.Pdf);
        Assert.Equal("The vault ledger lists forty seven crates of tea.", AllText(result));
    }

    [Fact]
    public void Extract_EncryptedPdf_IsRefused()
    {
        var result = Extractor.Extract(TestDocuments.EncryptedPdf(), ContentKind.Pdf);

        Assert.Null(result.Source);
        Assert.Equal("the PDF is encrypted; add an unencrypted copy", result.Error);
    }

    [Fact]
    public void Extract_GarbageAfterPdfHeader_IsRefusedAsDamaged()
    {
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.7\n" + new string('x', 500) + "\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n%%EOF");
        var result = Extractor.Extract(bytes, ContentKind.Pdf);

        Assert.Null(result.Source);
        Assert.True(result.Error is "the PDF is damaged or not readable" or "the PDF has no extractable text (a scan without a text layer?)", result.Error);
    }

    [Fact]
    public void Extract_NotAPdf_IsRefused()
    {
        var result = Extractor.Extract("just some words"u8.ToArray(), ContentKind.Pdf);
        Assert.Equal("the file is not a PDF (no %PDF header)", result.Error);
    }
}
