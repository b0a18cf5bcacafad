using System.Text;
using HonchoBot.Core.Corpus;

namespace HonchoBot.Core.Tests.Corpus;

/// <summary>Fixture paths and small hand-made corpora for the Core tests.</summary>
internal static class TestCorpus
{
    public const string MilwaukeeId = "milwaukee-independent-mig-graves";
    public const string SanghaId = "sangha-kommune-soviet-casualties";

    /// <summary>The copy of the shipped corpus under Fixtures/corpus.</summary>
    public static string FixtureCorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpus");

    public static string SeedPath(string id) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds", id + ".txt");

    public static CorpusLoad LoadFixture()
    {
        var load = CorpusLoader.Load([FixtureCorpusDirectory], addedDirectory: null);
        Assert.Empty(load.Errors);
        Assert.Equal(2, load.Documents.Count);
        return load;
    }

    /// <summary>A document parsed from the corpus format, so tests exercise the real reader.</summary>
    public static SourceDocument Document(string id, string title, params string[] paragraphs)
    {
        var text = $"---\nid: {id}\ntitle: \"{title}\"\n---\n" + string.Join("\n\n", paragraphs) + "\n";
        var result = SourceFileFormat.Parse(Encoding.UTF8.GetBytes(text), id + ".md", isShipped: true);
        Assert.Null(result.Error);
        return result.Document!;
    }

    /// <summary>
    /// A raw seed (one paragraph per line, page furniture included) turned into the corpus format by making
    /// every non-empty line a paragraph: what an ingester that knows nothing of the page does.
    /// </summary>
    public static SourceDocument Seed(string id)
    {
        var lines = File.ReadAllLines(SeedPath(id)).Where(l => !string.IsNullOrWhiteSpace(l));
        var text = $"---\ntitle: \"{id}\"\n---\n" + string.Join("\n\n", lines) + "\n";
        var result = SourceFileFormat.Parse(Encoding.UTF8.GetBytes(text), id + ".md", isShipped: true);
        Assert.Null(result.Error);
        return result.Document!;
    }

    public static CorpusLoad Load(params SourceDocument[] documents) => new(documents, []);
}

/// <summary>A temporary directory removed at the end of a test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "honcho-core-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail a test.
        }
    }
}
