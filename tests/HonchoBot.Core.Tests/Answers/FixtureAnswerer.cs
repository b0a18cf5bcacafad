using HonchoBot.Core.Answers;
using HonchoBot.Core.Retrieval;
using HonchoBot.Core.Sources;
using HonchoBot.Core.Tests.Corpus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Tests.Answers;

/// <summary>
/// The real question pipeline (validation, search, composition) over a real in-memory index of the fixture
/// corpus, built once per test class.
/// </summary>
public sealed class FixtureAnswerer : IDisposable
{
    private readonly IndexHost _host;

    public FixtureAnswerer()
    {
        _host = new IndexHost(
            Options.Create(new DataOptions { Path = Path.Combine(Path.GetTempPath(), "honcho-core-tests-unused") }),
            Options.Create(new CorpusOptions { Paths = [TestCorpus.FixtureCorpusDirectory] }),
            NullLogger<IndexHost>.Instance);
        var (index, report) = PassageIndex.OpenInMemory(TestCorpus.LoadFixture(), SynonymList.Default);
        Assert.True(report.Passages > 20);
        _host.Adopt(index);
        Answerer = new QuestionAnswerer(_host, new NothingHidden(), TimeProvider.System);
    }

    public QuestionAnswerer Answerer { get; }

    public PassageIndex Index => _host.Current!;

    public Answer Ask(string text) => Answerer.AnswerNow(Question.FromCli(text));

    public void Dispose() => _host.Dispose();
}
