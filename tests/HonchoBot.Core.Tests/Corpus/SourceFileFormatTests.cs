using System.Text;
using HonchoBot.Core.Corpus;

namespace HonchoBot.Core.Tests.Corpus;

public sealed class SourceFileFormatTests
{
    private static SourceDocument RoundTrip(SourceInfo info, IReadOnlyList<SourceBlock> blocks, bool isShipped = false)
    {
        var text = SourceFileFormat.Write(info, blocks);
        var result = SourceFileFormat.Parse(Encoding.UTF8.GetBytes(text), info.Id + ".md", isShipped);
        Assert.True(result.Error is null, result.Error?.ToString());
        return result.Document!;
    }

    [Fact]
    public void WriteThenParse_AllFields_RoundTrip()
    {
        var info = new SourceInfo(
            "honchos-in-korea",
            "Honchos: “MiG Alley” — Soviet pilots: a history",
            "Л. Матц & J. O'Brien",
            "Some \"Press\" #1",
            "https://example.org/a?b=1&c=2",
            "1951-04",
            "ru",
            "Line one: partisan.\nLine two with 'quotes' and a backslash \\ too.",
            "cli:someone",
            "discord:1300000000000000003",
            new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        SourceBlock[] blocks = [new("First paragraph about Antung (安东).", "¶1"), new("Second: “quoted” text — with a dash.", "¶2")];

        var document = RoundTrip(info, blocks);

        Assert.Equal(info, document.Info);
        Assert.Equal(blocks, document.Blocks);
    }

    [Fact]
    public void WriteThenParse_EmojiAndAstralCharacters_RoundTrip()
    {
        var info = new SourceInfo("emoji", "Aces ✈️🛩 and 𝐁𝐨𝐥𝐝 math 𠀀", Notes: "🇰🇵 🇰🇷");
        var document = RoundTrip(info, [new SourceBlock("Text with 🛩 inside.", "¶1")]);
        Assert.Equal(info.Title, document.Info.Title);
        Assert.Equal(info.Notes, document.Info.Notes);
    }

    [Fact]
    public void WriteThenParse_OptionalFieldsAbsent_RoundTripAsNullAndDefaults()
    {
        var info = new SourceInfo("plain", "Plain");
        var document = RoundTrip(info, [new SourceBlock("Only text.", "¶1")], isShipped: true);
        Assert.Equal(info with { IsShipped = true }, document.Info);
        Assert.Equal("en", document.Info.Language);
    }

    [Fact]
    public void WriteThenParse_PageLocations_RoundTrip()
    {
        SourceBlock[] blocks =
        [
            new("Page one, first paragraph.", "p. 1"),
            new("Page one, second paragraph.", "p. 1"),
            new("Page two.", "p. 2"),
            new("Page twelve after a gap.", "p. 12"),
        ];
        var document = RoundTrip(new SourceInfo("a-pdf", "A PDF"), blocks);
        Assert.Equal(blocks, document.Blocks);

        var passage = Assert.Single(PassageChunker.Chunk(document));
        Assert.Equal("p. 12", passage.LocationAt(passage.Text.IndexOf("Page twelve", StringComparison.Ordinal)));
        Assert.Equal("p. 1", passage.LocationAt(0));
    }

    [Fact]
    public void WriteThenParse_FixtureCorpusFiles_RoundTrip()
    {
        foreach (var original in TestCorpus.LoadFixture().Documents)
        {
            var again = RoundTrip(original.Info with { IsShipped = false }, original.Blocks, isShipped: true);
            Assert.Equal(original.Info, again.Info);
            Assert.Equal(original.Blocks, again.Blocks);
        }
    }

    [Fact]
    public void Parse_SameBytes_GiveTheSameContentHash_AndChangedBytesAnother()
    {
        var bytes = Encoding.UTF8.GetBytes("---\ntitle: T\n---\nText.\n");
        var a = SourceFileFormat.Parse(bytes, "t.md", true).Document!;
        var b = SourceFileFormat.Parse(bytes, "t.md", true).Document!;
        var c = SourceFileFormat.Parse(Encoding.UTF8.GetBytes("---\ntitle: T\n---\nText!\n"), "t.md", true).Document!;
        Assert.Equal(a.ContentHash, b.ContentHash);
        Assert.NotEqual(a.ContentHash, c.ContentHash);
    }

    [Fact]
    public void Parse_FullWidthAndLigatures_AreNfkcNormalised()
    {
        var document = SourceFileFormat.Parse(Encoding.UTF8.GetBytes("---\ntitle: T\n---\nＭｉＧ－１５ ﬁghters\n"), "t.md", true).Document!;
        Assert.Equal("MiG-15 fighters", document.Blocks[0].Text);
    }

    [Fact]
    public void Parse_LinesInsideAParagraph_AreJoinedWithASpace()
    {
        var document = SourceFileFormat.Parse(Encoding.UTF8.GetBytes("---\ntitle: T\n---\nOne line\ncontinues here.\n\n\n\nNext.\n"), "t.md", true).Document!;
        Assert.Equal([new SourceBlock("One line continues here.", "¶1"), new SourceBlock("Next.", "¶2")], document.Blocks);
    }

    [Fact]
    public void Parse_UnquotedTitleWithAColon_IsReadAsTheAuthorMeantIt()
    {
        var text = "---\ntitle: MiG Alley: The US Air Force in Korea, 1950-53\npublisher: Some Press\nurl: https://example.org/a:b\n---\nBody text.\n";

        var result = SourceFileFormat.Parse(Encoding.UTF8.GetBytes(text), "mig-alley.md", true);

        Assert.True(result.Error is null, result.Error?.ToString());
        Assert.Equal("MiG Alley: The US Air Force in Korea, 1950-53", result.Document!.Info.Title);
        Assert.Equal("Some Press", result.Document.Info.Publisher);
        Assert.Equal("https://example.org/a:b", result.Document.Info.Url);
    }

    [Fact]
    public void Parse_BrokenYamlThatIsNotKeyValueLines_IsStillAnError()
    {
        var text = "---\ntitle: [unclosed\n  - : :\n---\nBody text.\n";

        var result = SourceFileFormat.Parse(Encoding.UTF8.GetBytes(text), "bad.md", true);

        Assert.Null(result.Document);
        Assert.Contains("YAML", result.Error!.Reason, StringComparison.Ordinal);
    }
}
