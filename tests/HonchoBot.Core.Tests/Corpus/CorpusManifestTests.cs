using System.Text;
using HonchoBot.Core.Claims;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Retrieval;
using HonchoBot.Core.Semantic;
using HonchoBot.Core.Sources;
using Microsoft.Extensions.Logging.Abstractions;
using HonchoBot.Core.Tests.Claims;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Tests.Corpus;

/// <summary>
/// A restart on an unchanged library reads no source file: the loader takes what it needs from the manifest when
/// a file's length and last-write time are unchanged, and reads everything else.
/// </summary>
public sealed class CorpusManifestTests : IDisposable
{
    private static readonly DateTime Written = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Corpus => _dir.Combine("corpus");

    private string Manifest => _dir.Combine("data", "corpus-manifest.json");

    private string Write(string name, string title, DateTime? at = null)
    {
        Directory.CreateDirectory(Corpus);
        var path = Path.Combine(Corpus, name);
        File.WriteAllText(path, $"---\ntitle: \"{title}\"\n---\nThe regiment flew from Antung in 1951.\n\nA second paragraph.\n", new UTF8Encoding(false));
        File.SetLastWriteTimeUtc(path, at ?? Written);
        return path;
    }

    private CorpusLoad Load() => CorpusLoader.Load([Corpus], addedDirectory: null, Manifest);

    [Fact]
    public void Load_UnchangedFile_TakesItsMetadataFromTheManifestWithoutReadingIt()
    {
        Write("a.md", "Title one");
        Assert.Equal("Title one", Assert.Single(Load().Sources).Info.Title);
        Assert.True(File.Exists(Manifest));

        // Same length and last-write time, different bytes: only a loader that did not read the file misses it.
        Write("a.md", "Title two");
        var entry = Assert.Single(Load().Sources);
        Assert.Equal("Title one", entry.Info.Title);
        Assert.Equal(1, entry.Passages);
    }

    [Fact]
    public void Load_FileWithANewWriteTime_IsReadAgain()
    {
        Write("a.md", "Title one");
        _ = Load();

        Write("a.md", "Title two", Written.AddSeconds(1));

        var entry = Assert.Single(Load().Sources);
        Assert.Equal("Title two", entry.Info.Title);
        Assert.Equal("Title two", entry.Load().Info.Title);
    }

    [Fact]
    public void Load_EntryFromTheManifest_ReadsItsTextWhenAsked()
    {
        Write("a.md", "Title one");
        var first = Assert.Single(Load().Sources).Load();

        var again = Assert.Single(Load().Sources).Load();

        Assert.Equal(first.ContentHash, again.ContentHash);
        Assert.Equal(first.Blocks.Select(b => b.Text), again.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Load_DeletedAndMalformedFiles_NeitherListedNorRemembered()
    {
        var gone = Write("gone.md", "Gone");
        Write("kept.md", "Kept");
        _ = Load();
        File.Delete(gone);
        File.WriteAllText(Path.Combine(Corpus, "bad.md"), "no front matter at all\n");

        var load = Load();
        var again = Load();

        Assert.Equal(["Kept"], load.Sources.Select(s => s.Info.Title));
        Assert.Equal("bad.md", Assert.Single(load.Errors).FileName);
        Assert.Equal("bad.md", Assert.Single(again.Errors).FileName);
        Assert.DoesNotContain("gone.md", File.ReadAllText(Manifest), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ not json")]
    [InlineData("{\"build\":\"another build\",\"files\":{}}")]
    [InlineData("null")]
    public void Load_BrokenOrForeignManifest_ReadsEveryFileAndWritesItAnew(string manifest)
    {
        Write("a.md", "Title one");
        Directory.CreateDirectory(Path.GetDirectoryName(Manifest)!);
        File.WriteAllText(Manifest, manifest);

        var entry = Assert.Single(Load().Sources);

        Assert.Equal("Title one", entry.Info.Title);
        Assert.Contains("Title one", File.ReadAllText(Manifest), StringComparison.Ordinal);
    }

    [Fact]
    public void Library_AfterASourceIsAdded_ListsIt()
    {
        Write("a.md", "Title one");
        var data = _dir.Combine("data");
        using var host = new IndexHost(
            Options.Create(new DataOptions { Path = data }),
            Options.Create(new CorpusOptions { Paths = [Corpus] }),
            new SemanticIndex(new TestSupport.HashingEmbedder(), Options.Create(new RetrievalOptions { Semantic = false }), NullLogger<SemanticIndex>.Instance),
            new ClaimAnnotator(ClaimTestKit.Lexicon, ClaimTestKit.Extractor),
            new NoChangeFeed(),
            new FileSourceStore(Options.Create(new DataOptions { Path = data }), TimeProvider.System),
            NullLogger<IndexHost>.Instance);
        host.Open();
        Assert.Single(host.Library().Sources);

        var added = Path.Combine(data, "sources", "b.md");
        Directory.CreateDirectory(Path.GetDirectoryName(added)!);
        File.WriteAllText(added, "---\ntitle: \"Title two\"\n---\nMiGs flew from Antung.\n", new UTF8Encoding(false));
        host.Current!.Upsert(CorpusLoader.Load([], Path.GetDirectoryName(added)).Documents.Single());

        Assert.Equal(["Title one", "Title two"], host.Library().Sources.Select(s => s.Info.Title));
    }
}

