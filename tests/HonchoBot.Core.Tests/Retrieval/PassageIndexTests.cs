using System.Text;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Retrieval;
using HonchoBot.Core.Tests.Corpus;

namespace HonchoBot.Core.Tests.Retrieval;

/// <summary>The on-disk index follows the Markdown files: changes, deletions, corruption and a second opener.</summary>
public sealed class PassageIndexTests : IDisposable
{
    private const string Filler =
        "The regiment flew its patrols from the airfield near the river while the ground crews worked through the night. " +
        "Pilots rotated every few months and the commanders kept careful records of each sortie flown over the border.";

    private readonly TempDirectory _root = new();

    public PassageIndexTests()
    {
        Directory.CreateDirectory(CorpusDir);
        WriteSource("zeppelins", "Zeppelins", "The crews sighted a silver zeppelin drifting over Antung at dawn. " + Filler);
        WriteSource("gliders", "Gliders", "A wooden glider landed beside the hangars at Tungfeng in the spring. " + Filler);
    }

    private string CorpusDir => _root.Combine("corpus");

    private string DataDir => _root.Combine("data");

    public void Dispose() => _root.Dispose();

    private void WriteSource(string id, string title, params string[] paragraphs) =>
        File.WriteAllText(
            Path.Combine(CorpusDir, id + ".md"),
            SourceFileFormat.Write(new SourceInfo(id, title), paragraphs.Select((p, i) => new SourceBlock(p, $"¶{i + 1}")).ToList()),
            new UTF8Encoding(false));

    private CorpusLoad LoadCorpus()
    {
        var load = CorpusLoader.Load([CorpusDir], Path.Combine(DataDir, "sources"));
        Assert.Empty(load.Errors);
        return load;
    }

    private (PassageIndex Index, IndexSyncReport Report) Open() => PassageIndex.Open(DataDir, LoadCorpus(), SynonymList.Default);

    /// <summary>Passages whose stored text contains <paramref name="word"/>, found through the real search path.</summary>
    private static List<string> Find(PassageIndex index, string word, SearchScope? scope = null) =>
        new PassageSearcher(index).Search(word, scope ?? SearchScope.Global).Candidates
            .Where(e => e.Passage.Text.Contains(word, StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Passage.Id)
            .ToList();

    [Fact]
    public void Open_EmptyDataDirectory_BuildsTheIndex()
    {
        var (index, report) = Open();
        using (index)
        {
            Assert.True(report.Rebuilt);
            Assert.Equal(2, report.Added);
            Assert.True(index.IsWritable);
            Assert.Null(index.ReadOnlyReason);
            Assert.Equal(["zeppelins#0"], Find(index, "zeppelin"));
            Assert.Equal(["gliders", "zeppelins"], index.IndexedSources.Keys.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Open_UnchangedCorpus_ReusesTheIndex()
    {
        Open().Index.Dispose();
        var (index, report) = Open();
        using (index)
        {
            Assert.False(report.Rebuilt);
            Assert.Equal((0, 0, 0), (report.Added, report.Updated, report.Removed));
            Assert.Equal(2, report.Passages);
            Assert.Equal(["zeppelins#0"], Find(index, "zeppelin"));
        }
    }

    [Fact]
    public void Open_AfterAFileChanged_FindsTheNewTextAndNotTheOld()
    {
        Open().Index.Dispose();
        WriteSource("zeppelins", "Zeppelins", "The crews sighted a silver dirigible drifting over Antung at dawn. " + Filler);

        var (index, report) = Open();
        using (index)
        {
            Assert.Equal(1, report.Updated);
            Assert.Equal(0, report.Added);
            Assert.Equal(2, report.Passages);
            Assert.Equal(["zeppelins#0"], Find(index, "dirigible"));
            Assert.Empty(Find(index, "zeppelin"));
            Assert.Empty(new PassageSearcher(index).Search("zeppelin", SearchScope.Global).Candidates);
        }
    }

    [Fact]
    public void Open_AfterAFileWasDeleted_ItsPassagesAreGone()
    {
        Open().Index.Dispose();
        File.Delete(Path.Combine(CorpusDir, "gliders.md"));

        var (index, report) = Open();
        using (index)
        {
            Assert.Equal(1, report.Removed);
            Assert.Equal(1, report.Passages);
            Assert.Equal(1, index.CountPassages());
            Assert.Empty(new PassageSearcher(index).Search("glider Tungfeng", SearchScope.Global).Candidates);
            Assert.Equal(["zeppelins"], index.IndexedSources.Keys);
        }
    }

    [Fact]
    public void Open_AfterAFileWasAdded_IndexesOnlyTheNewOne()
    {
        Open().Index.Dispose();
        WriteSource("balloons", "Balloons", "A red balloon rose above Myau-Gou before the attack. " + Filler);

        var (index, report) = Open();
        using (index)
        {
            Assert.Equal((1, 0, 0), (report.Added, report.Updated, report.Removed));
            Assert.Equal(["balloons#0"], Find(index, "balloon"));
            Assert.Equal(["gliders#0"], Find(index, "glider"));
        }
    }

    [Fact]
    public void Open_CorruptIndexFiles_RebuildsInsteadOfFailing()
    {
        Open().Index.Dispose();
        var indexDir = Path.Combine(DataDir, "index");
        var files = Directory.GetFiles(indexDir).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            File.WriteAllBytes(file, Encoding.ASCII.GetBytes("this is not a Lucene file"));
        }

        var (index, report) = Open();
        using (index)
        {
            Assert.True(report.Rebuilt);
            Assert.NotNull(report.RebuildReason);
            Assert.Equal(2, report.Passages);
            Assert.Equal(["zeppelins#0"], Find(index, "zeppelin"));
        }

        // And the rebuilt index is itself readable on the next start.
        var (again, second) = Open();
        using (again)
        {
            Assert.False(second.Rebuilt);
            Assert.Equal(2, second.Passages);
        }
    }

    [Fact]
    public void Open_CorruptSegmentDataWithAnIntactCommitPoint_Rebuilds()
    {
        Open().Index.Dispose();
        var data = Directory.GetFiles(Path.Combine(DataDir, "index"))
            .Where(f => !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal) && !f.EndsWith("write.lock", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(data);
        foreach (var file in data)
        {
            var bytes = File.ReadAllBytes(file);
            Array.Fill(bytes, (byte)0x5A, 0, Math.Min(bytes.Length, 64));
            File.WriteAllBytes(file, bytes);
        }

        var (index, report) = Open();
        using (index)
        {
            Assert.True(report.Rebuilt);
            Assert.Equal(["zeppelins#0"], Find(index, "zeppelin"));
        }
    }

    [Fact]
    public void Open_TruncatedSegmentsFile_Rebuilds()
    {
        Open().Index.Dispose();
        var segments = Directory.GetFiles(Path.Combine(DataDir, "index"), "segments_*").Single();
        File.WriteAllBytes(segments, []);

        var (index, report) = Open();
        using (index)
        {
            Assert.True(report.Rebuilt);
            Assert.Equal(["gliders#0"], Find(index, "glider"));
        }
    }

    [Fact]
    public void Open_IndexDirectoryDeleted_Rebuilds()
    {
        Open().Index.Dispose();
        Directory.Delete(Path.Combine(DataDir, "index"), recursive: true);

        var (index, report) = Open();
        using (index)
        {
            Assert.True(report.Rebuilt);
            Assert.Equal(2, report.Passages);
        }
    }

    [Fact]
    public void Open_WithADifferentSynonymList_Rebuilds()
    {
        Open().Index.Dispose();
        var (index, report) = PassageIndex.Open(DataDir, LoadCorpus(), SynonymList.Parse("= zeppelin, airship\n"));
        using (index)
        {
            Assert.True(report.Rebuilt);
            Assert.Contains("synonyms", report.RebuildReason, StringComparison.Ordinal);
            Assert.Equal(["zeppelins#0"], new PassageSearcher(index).Search("airship", SearchScope.Global).Candidates.Select(e => e.Passage.Id));
        }

        // Back to the default list: rebuilt again, and "airship" no longer finds the zeppelin.
        var (back, again) = Open();
        using (back)
        {
            Assert.True(again.Rebuilt);
            Assert.Empty(new PassageSearcher(back).Search("airship", SearchScope.Global).Candidates);
        }
    }

    [Fact]
    public void Open_WhileAnotherOpenerOwnsTheDataDirectory_IsReadOnlyAndNamesTheOwner()
    {
        var (owner, _) = Open();
        using (owner)
        {
            var (second, report) = Open();
            using (second)
            {
                Assert.True(owner.IsWritable);
                Assert.False(second.IsWritable);
                Assert.True(report.IsReadOnly);
                Assert.NotNull(second.ReadOnlyReason);
                Assert.Contains($"process {Environment.ProcessId}", second.ReadOnlyReason, StringComparison.Ordinal);
                Assert.Equal(report.ReadOnlyReason, second.ReadOnlyReason);

                // It still answers, from the owner's last commit.
                Assert.Equal(["zeppelins#0"], Find(second, "zeppelin"));

                // And it refuses to write, naming the owner.
                var error = Assert.Throws<InvalidOperationException>(() => second.Delete("zeppelins"));
                Assert.Contains($"process {Environment.ProcessId}", error.Message, StringComparison.Ordinal);
            }

            // The read-only opener did not disturb the owner.
            Assert.Equal(["zeppelins#0"], Find(owner, "zeppelin"));
        }

        // Once the owner is gone, the next opener may write again.
        var (third, thirdReport) = Open();
        using (third)
        {
            Assert.True(third.IsWritable);
            Assert.False(thirdReport.IsReadOnly);
        }
    }

    [Fact]
    public void Open_ReadOnlyWhileTheCorpusDiffersFromTheOwnersIndex_AnswersFromTheNewCorpusInMemory()
    {
        var (owner, _) = Open();
        using (owner)
        {
            WriteSource("balloons", "Balloons", "A red balloon rose above Myau-Gou before the attack. " + Filler);
            var (second, report) = Open();
            using (second)
            {
                Assert.True(report.IsReadOnly);
                Assert.Contains($"process {Environment.ProcessId}", second.ReadOnlyReason, StringComparison.Ordinal);
                Assert.Equal(["balloons#0"], Find(second, "balloon"));
            }

            // The owner's on-disk index was not touched by the second opener.
            Assert.Empty(Find(owner, "balloon"));
        }
    }

    [Fact]
    public void Open_ReadOnlyInMemoryFallback_IsNotWritableAndRefusesWrites()
    {
        // One writer, many readers (docs/index-design.md): a second writer is refused, naming the owner. The in-memory copy
        // answers questions but must not accept a source: nothing written to it would be durable.
        var (owner, _) = Open();
        using (owner)
        {
            WriteSource("balloons", "Balloons", "A red balloon rose above Myau-Gou before the attack. " + Filler);
            var (second, _) = Open();
            using (second)
            {
                Assert.False(second.IsWritable);
                var kite = TestCorpus.Document("kites", "Kites", "A kite flew over the Yalu during the truce talks. " + Filler);
                var error = Assert.Throws<InvalidOperationException>(() => second.Upsert(kite));
                Assert.Contains($"process {Environment.ProcessId}", error.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Upsert_NewSource_IsSearchableAndDurableAtOnce()
    {
        var (index, _) = Open();
        using (index)
        {
            var added = TestCorpus.Document("kites", "Kites", "A kite flew over the Yalu during the truce talks. " + Filler);
            Assert.Equal(1, index.Upsert(added));
            Assert.Equal(["kites#0"], Find(index, "kite"));
            index.Delete("kites");
            Assert.Empty(Find(index, "kite"));
        }
    }

    [Fact]
    public void Search_CommunitySource_IsVisibleOnlyInItsCommunityAndHiddenSourcesDisappear()
    {
        var community = TestCorpus.Document("kites", "Kites", "A kite flew over the Yalu during the truce talks. " + Filler);
        community = community with { Info = community.Info with { CommunityId = "discord:42" } };
        var (index, _) = PassageIndex.OpenInMemory(TestCorpus.Load(community, TestCorpus.Document("gliders", "Gliders", "A wooden glider landed at Tungfeng. " + Filler)), SynonymList.Default);
        using (index)
        {
            Assert.Empty(Find(index, "kite"));
            Assert.Empty(Find(index, "kite", new SearchScope("discord:7", new HashSet<string>())));
            Assert.Equal(["kites#0"], Find(index, "kite", new SearchScope("discord:42", new HashSet<string>())));
            Assert.Equal(["gliders#0"], Find(index, "glider", new SearchScope("discord:42", new HashSet<string>())));
            Assert.Empty(Find(index, "glider", new SearchScope("discord:42", new HashSet<string> { "gliders" })));
        }
    }

    [Fact]
    public void Upsert_CommunitySourceIntoAnAllGlobalIndex_StaysOutOfOtherScopes()
    {
        var (index, _) = PassageIndex.OpenInMemory(TestCorpus.Load(TestCorpus.Document("gliders", "Gliders", "A wooden glider landed at Tungfeng. " + Filler)), SynonymList.Default);
        using (index)
        {
            var kites = TestCorpus.Document("kites", "Kites", "A kite flew over the Yalu during the truce talks. " + Filler);
            index.Upsert(kites with { Info = kites.Info with { CommunityId = "slack:T1" } });

            Assert.Empty(Find(index, "kite"));
            Assert.Empty(Find(index, "kite", new SearchScope("slack:T2", new HashSet<string>())));
            Assert.Equal(["kites#0"], Find(index, "kite", new SearchScope("slack:T1", new HashSet<string>())));
            Assert.Empty(Find(index, "glider", new SearchScope(null, new HashSet<string> { "gliders" })));
        }
    }

    [Fact]
    public void OpenInMemory_FixtureCorpus_IndexesEveryPassage()
    {
        var load = TestCorpus.LoadFixture();
        var (index, report) = PassageIndex.OpenInMemory(load, SynonymList.Default);
        using (index)
        {
            Assert.Equal(load.Documents.Sum(d => PassageChunker.Chunk(d).Count), report.Passages);
            Assert.Equal(report.Passages, index.CountPassages());
        }
    }
}
