using System.Text;
using HonchoBot.Core.Corpus;

namespace HonchoBot.Core.Tests.Corpus;

public sealed class CorpusLoaderTests : IDisposable
{
    private const string Good = "---\ntitle: \"A good source\"\npublisher: Someone\n---\nThe regiment flew from Antung in 1951.\n\nA second paragraph.\n";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private void Write(string name, string text) => File.WriteAllText(_dir.Combine(name), text, new UTF8Encoding(false));

    private void WriteBytes(string name, byte[] bytes) => File.WriteAllBytes(_dir.Combine(name), bytes);

    private CorpusLoad Load() => CorpusLoader.Load([_dir.Path], addedDirectory: null);

    private static string ReasonFor(CorpusLoad load, string file)
    {
        var error = Assert.Single(load.Errors, e => e.FileName == file);
        Assert.Contains(file, error.ToString(), StringComparison.Ordinal);
        return error.Reason;
    }

    [Fact]
    public void Load_MalformedFiles_ReportedByNameWhileTheGoodOneLoads()
    {
        Write("a-good.md", Good);
        Write("bad-yaml.md", "---\ntitle: [unclosed\n  - : :\n---\nBody text here.\n");
        Write("no-title.md", "---\nauthor: Nobody\n---\nBody text here.\n");
        WriteBytes("latin1.md", [.. Encoding.ASCII.GetBytes("---\ntitle: \"Caf"), 0xE9, .. Encoding.ASCII.GetBytes("\"\n---\nBody.\n")]);
        WriteBytes("empty.md", []);
        Write("blank.md", "  \n\n \n");
        Write("no-front-matter.md", "Just text, no metadata.\n");

        var load = Load();

        var document = Assert.Single(load.Documents);
        Assert.Equal("a-good", document.Info.Id);
        Assert.Equal("A good source", document.Info.Title);
        Assert.Equal(6, load.Errors.Count);
        Assert.Contains("YAML", ReasonFor(load, "bad-yaml.md"), StringComparison.Ordinal);
        Assert.Contains("title", ReasonFor(load, "no-title.md"), StringComparison.Ordinal);
        Assert.Contains("UTF-8", ReasonFor(load, "latin1.md"), StringComparison.Ordinal);
        Assert.Contains("empty", ReasonFor(load, "empty.md"), StringComparison.Ordinal);
        Assert.Contains("empty", ReasonFor(load, "blank.md"), StringComparison.Ordinal);
        Assert.Contains("front matter", ReasonFor(load, "no-front-matter.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FrontMatterThatIsNotAMapping_IsReported()
    {
        Write("a-good.md", Good);
        Write("list.md", "---\n- just\n- a list\n---\nBody.\n");
        var load = Load();
        Assert.Single(load.Documents);
        Assert.False(string.IsNullOrWhiteSpace(ReasonFor(load, "list.md")));
    }

    [Fact]
    public void Load_TitleButNoBody_IsReported()
    {
        Write("a-good.md", Good);
        Write("no-body.md", "---\ntitle: Only a title\n---\n\n");
        var load = Load();
        Assert.Single(load.Documents);
        Assert.Contains("body", ReasonFor(load, "no-body.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_IdThatIsNotASlug_IsReported()
    {
        Write("a-good.md", Good);
        Write("bad-id.md", "---\nid: \"../../etc/passwd\"\ntitle: Sneaky\n---\nBody.\n");
        var load = Load();
        Assert.Single(load.Documents);
        Assert.Contains("slug", ReasonFor(load, "bad-id.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateId_SecondFileIsReported()
    {
        Write("a-good.md", Good);
        Write("b-copy.md", "---\nid: a-good\ntitle: Copy\n---\nBody.\n");
        var load = Load();
        Assert.Equal("a-good", Assert.Single(load.Documents).Info.Id);
        Assert.Contains("a-good.md", ReasonFor(load, "b-copy.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ManyFiles_KeepFileOrderAndReportEachProblemOnce()
    {
        // Files are read a batch at a time on several threads, then taken in name order: duplicates and errors must
        // come out as a one-thread load would give them, across batch boundaries too.
        for (var i = 0; i < 300; i++)
        {
            Write($"s{i:D3}.md", $"---\ntitle: \"Source {i}\"\n---\nThe regiment flew from Antung in {1950 + (i % 4)}.\n");
        }

        Write("s100-broken.md", "---\ntitle: [unclosed\n  - : :\n---\nBody text here.\n");
        Write("s250-copy.md", "---\nid: s007\ntitle: Copy\n---\nBody.\n");
        var load = Load();
        Assert.Equal(Enumerable.Range(0, 300).Select(i => $"s{i:D3}"), load.Sources.Select(s => s.Info.Id));
        Assert.Equal(["s100-broken.md", "s250-copy.md"], load.Errors.Select(e => e.FileName));
        Assert.Contains("s007.md", ReasonFor(load, "s250-copy.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Utf8WithBomAndCrLf_Loads()
    {
        WriteBytes("bom.md", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Good.Replace("\n", "\r\n", StringComparison.Ordinal))]);
        var document = Assert.Single(Load().Documents);
        Assert.Equal("A good source", document.Info.Title);
        Assert.Equal(["The regiment flew from Antung in 1951.", "A second paragraph."], document.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Load_MissingCorpusDirectory_IsReported()
    {
        var load = CorpusLoader.Load([_dir.Combine("nope")], addedDirectory: null);
        Assert.Empty(load.Documents);
        Assert.Single(load.Errors);
    }

    [Fact]
    public void Load_FixtureCorpus_HasTheDesignMetadata()
    {
        var load = TestCorpus.LoadFixture();
        var milwaukee = load.Documents.Single(d => d.Info.Id == TestCorpus.MilwaukeeId).Info;
        Assert.Equal("Milwaukee Independent", milwaukee.Publisher);
        Assert.Equal("https://milwaukeeindependent.com/?p=209954", milwaukee.Url);
        Assert.Null(milwaukee.Published);
        Assert.True(milwaukee.IsShipped);
        var sangha = load.Documents.Single(d => d.Info.Id == TestCorpus.SanghaId).Info;
        Assert.Equal("Soviet Casualties During the Korean War (1950-1953)", sangha.Title);
        Assert.Equal("2017-01-20", sangha.Published);
        Assert.Contains("partisan", sangha.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FixtureCorpus_KeepsTheCyrillicBylineVerbatim()
    {
        var milwaukee = TestCorpus.LoadFixture().Documents.Single(d => d.Info.Id == TestCorpus.MilwaukeeId);
        Assert.Contains(milwaukee.Blocks, b => b.Text == "L\u0435\u0435 M\u0430tz");
    }
}
