using HonchoBot.Core.Corpus;
using HonchoBot.Core.Retrieval;
using HonchoBot.Core.Semantic;
using HonchoBot.Core.Tests.Corpus;
using HonchoBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Tests.Semantic;

public sealed class SemanticIndexTests : IDisposable
{
    private const string Filler =
        "The report was filed later that week with the other papers of the unit, and nobody read it again for decades.";

    private readonly TempDirectory _data = new();
    private readonly HashingEmbedder _embedder = new();

    public void Dispose() => _data.Dispose();

    private static CorpusLoad Corpus(params SourceDocument[] extra) => TestCorpus.Load([
        TestCorpus.Document("lighthouses", "Lighthouses", "The keeper of the island lighthouse logged every storm in a green ledger. " + Filler),
        TestCorpus.Document("orchards", "Orchards", "The grower planted quince trees on the terraces above the village. " + Filler),
        .. extra]);

    private SemanticIndex NewSemantic(bool enabled = true) =>
        new(_embedder, Options.Create(new RetrievalOptions { Semantic = enabled }), NullLogger<SemanticIndex>.Instance);

    private (PassageIndex Index, SemanticIndex Semantic) OpenOnDisk(CorpusLoad corpus)
    {
        var (index, _) = PassageIndex.Open(_data.Path, corpus, SynonymList.Default);
        var semantic = NewSemantic();
        semantic.Attach(index, _data.Path);
        return (index, semantic);
    }

    private static string? Nearest(SemanticIndex semantic, string question, SearchScope? scope = null)
    {
        if (semantic.EmbedQuestion(question) is not { } vector)
        {
            return null;
        }

        var hits = semantic.Search(vector, scope ?? SearchScope.Global, 1);
        return hits.Count == 0 ? null : hits[0].PassageId;
    }

    [Fact]
    public void Attach_NewLibrary_QueuesEveryPassage_AndEmbedAllMakesThemSearchable()
    {
        var (index, semantic) = OpenOnDisk(Corpus());
        using (index)
        using (semantic)
        {
            Assert.Equal(new VectorCoverage(0, 2), semantic.Coverage);
            Assert.Null(semantic.EmbedQuestion("storm ledger")); // nothing to search yet: lexical

            semantic.EmbedAll(null, CancellationToken.None);

            Assert.True(semantic.Coverage.IsComplete);
            Assert.Equal("lighthouses#0", Nearest(semantic, "who logged the storms in the ledger"));
            Assert.Equal("orchards#0", Nearest(semantic, "quince trees on terraces"));
        }
    }

    [Fact]
    public void Attach_AfterARestart_UsesTheStoredVectorsWithoutEmbeddingAgain()
    {
        var (index, semantic) = OpenOnDisk(Corpus());
        using (index)
        using (semantic)
        {
            semantic.EmbedAll(null, CancellationToken.None);
        }

        var embedded = _embedder.DocumentsEmbedded;
        var (reopened, again) = OpenOnDisk(Corpus());
        using (reopened)
        using (again)
        {
            Assert.True(again.Coverage.IsComplete);
            again.EmbedAll(null, CancellationToken.None);
            Assert.Equal(embedded, _embedder.DocumentsEmbedded);
            Assert.Equal("lighthouses#0", Nearest(again, "storm ledger keeper"));
        }
    }

    [Fact]
    public void EmbedPending_Interrupted_ResumesWithWhatIsLeft()
    {
        var (index, semantic) = OpenOnDisk(Corpus());
        using (index)
        using (semantic)
        {
            Assert.Equal(1, semantic.EmbedPending(1, CancellationToken.None));
        }

        var (reopened, again) = OpenOnDisk(Corpus());
        using (reopened)
        using (again)
        {
            Assert.Equal(new VectorCoverage(1, 2), again.Coverage);
            Assert.Equal(1, again.EmbedPending(10, CancellationToken.None));
            Assert.Equal(0, again.EmbedPending(10, CancellationToken.None));
        }
    }

    [Fact]
    public void Upsert_NewSource_IsFoundByMeaningOnceEmbedded_AndDeleteForgetsIt()
    {
        var (index, semantic) = OpenOnDisk(Corpus());
        using (index)
        using (semantic)
        {
            semantic.EmbedAll(null, CancellationToken.None);
            index.Upsert(TestCorpus.Document("ferries", "Ferries", "The ferry crossed the strait twice a day carrying mail and sheep. " + Filler));
            Assert.Equal(new VectorCoverage(2, 3), semantic.Coverage);

            semantic.EmbedAll(null, CancellationToken.None);
            Assert.Equal("ferries#0", Nearest(semantic, "ferry crossing the strait with sheep"));

            index.Delete("ferries");
            Assert.Equal(new VectorCoverage(2, 2), semantic.Coverage);
            Assert.NotEqual("ferries#0", Nearest(semantic, "ferry crossing the strait with sheep"));
        }
    }

    [Fact]
    public void Upsert_SourceRemovedAndAddedAgain_IsNotEmbeddedAgain()
    {
        var ferries = TestCorpus.Document("ferries", "Ferries", "The ferry crossed the strait twice a day carrying mail and sheep. " + Filler);
        var (index, semantic) = OpenOnDisk(Corpus());
        using (index)
        using (semantic)
        {
            index.Upsert(ferries);
            semantic.EmbedAll(null, CancellationToken.None);
            index.Delete("ferries");
            var embedded = _embedder.DocumentsEmbedded;

            index.Upsert(ferries);

            Assert.True(semantic.Coverage.IsComplete);
            Assert.Equal(embedded, _embedder.DocumentsEmbedded);
        }
    }

    [Fact]
    public void Search_CommunitySource_IsSeenOnlyInItsCommunity()
    {
        var (index, semantic) = OpenOnDisk(Corpus());
        using (index)
        using (semantic)
        {
            var info = new SourceInfo("ferries", "Ferries", CommunityId: "discord:7");
            index.Upsert(new SourceDocument(info, [new SourceBlock("The ferry crossed the strait twice a day carrying mail and sheep. " + Filler, "¶1")], "hash"));
            semantic.EmbedAll(null, CancellationToken.None);

            Assert.NotEqual("ferries#0", Nearest(semantic, "ferry crossing the strait with sheep"));
            Assert.Equal("ferries#0", Nearest(semantic, "ferry crossing the strait with sheep", new SearchScope("discord:7", new HashSet<string>())));
        }
    }

    [Fact]
    public void Attach_SemanticOff_EmbedsNothingAndSearchesNothing()
    {
        var (index, _) = PassageIndex.Open(_data.Path, Corpus(), SynonymList.Default);
        using (index)
        using (var semantic = NewSemantic(enabled: false))
        {
            semantic.Attach(index, _data.Path);
            semantic.EmbedAll(null, CancellationToken.None);

            Assert.Null(semantic.EmbedQuestion("storm ledger"));
            Assert.Equal(0, _embedder.DocumentsEmbedded);
            Assert.False(Directory.Exists(Path.Combine(_data.Path, "vectors")));
        }
    }
}
