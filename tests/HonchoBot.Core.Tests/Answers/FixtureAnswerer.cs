using HonchoBot.Core.Corpus;
using HonchoBot.Core.Claims;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Retrieval;
using HonchoBot.Core.Semantic;
using HonchoBot.Core.Sources;
using HonchoBot.Core.Tests.TestSupport;
using HonchoBot.Core.Tests.Corpus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Tests.Answers;

/// <summary>
/// The real question pipeline (validation, search, composition) over a real in-memory index of the fixture
/// corpus, built once per test class.
/// </summary>
public class FixtureAnswerer : IDisposable
{
    private readonly IndexHost _host;

    public FixtureAnswerer()
        : this(semantic: false)
    {
    }

    /// <param name="semantic">Hybrid search with a <see cref="HashingEmbedder"/> instead of words alone.</param>
    protected FixtureAnswerer(bool semantic)
    {
        // The production pipeline: claims extracted at index time, disagreements found at answer time.
        var lexicon = ClaimLexicon.LoadDefault();
        var annotator = new ClaimAnnotator(lexicon, new ClaimExtractor(lexicon));
        _host = new IndexHost(
            Options.Create(new DataOptions { Path = Path.Combine(Path.GetTempPath(), "honcho-core-tests-unused") }),
            Options.Create(new CorpusOptions { Paths = [TestCorpus.FixtureCorpusDirectory] }),
            new SemanticIndex(new HashingEmbedder(), Options.Create(new RetrievalOptions { Semantic = semantic }), NullLogger<SemanticIndex>.Instance),
            annotator,
            new NoChangeFeed(),
            new FileSourceStore(Options.Create(new DataOptions { Path = Path.Combine(Path.GetTempPath(), "honcho-core-tests-unused") }), TimeProvider.System),
            NullLogger<IndexHost>.Instance);
        var (index, report) = PassageIndex.OpenInMemory(TestCorpus.LoadFixture(), SynonymList.Default, annotator);
        Assert.True(report.Passages > 20);
        _host.Adopt(index);
        _host.Semantic.EmbedAll(null, CancellationToken.None);
        Answerer = new QuestionAnswerer(_host, new NothingHidden(), TimeProvider.System, disagreements: new DisagreementFinder(lexicon));
    }

    public QuestionAnswerer Answerer { get; }

    public PassageIndex Index => _host.Current!;

    public SemanticIndex Semantic => _host.Semantic;

    public Answer Ask(string text) => Answerer.AnswerNow(Question.FromCli(text));

    /// <summary>The stored text of a passage, read back through a search scoped to nothing but the index.</summary>
    public string PassageText(string passageId)
    {
        var sourceId = passageId[..passageId.LastIndexOf('#')];
        var document = TestCorpus.LoadFixture().Documents.Single(d => d.Info.Id == sourceId);
        return PassageChunker.Chunk(document).Single(p => p.Id == passageId).Text;
    }

    public void Dispose()
    {
        _host.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The fixture pipeline with the dense layer on (a <see cref="HashingEmbedder"/>): hybrid search end to end.</summary>
public sealed class HybridFixtureAnswerer : FixtureAnswerer
{
    public HybridFixtureAnswerer()
        : base(semantic: true)
    {
    }
}
