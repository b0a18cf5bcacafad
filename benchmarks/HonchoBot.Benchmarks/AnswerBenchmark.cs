using System.Diagnostics;
using System.Globalization;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Claims;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Retrieval;
using HonchoBot.Core.Semantic;
using HonchoBot.Core.Sources;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HonchoBot.Benchmarks;

internal sealed record BenchmarkResult(
    int Passages,
    double BuildSeconds,
    double PassagesPerSecond,
    double AnswerP50,
    double AnswerP99,
    double BaselineP50,
    double BaselineP99,
    double AnsweredShare,
    long WorkingSetMb)
{
    public string Format() => string.Create(CultureInfo.InvariantCulture, $"""
        passages            {Passages:N0}
        index build         {BuildSeconds:F1} s  ({PassagesPerSecond:N0} passages/s, including commit)
        answer (elapsedMs)  p50 {AnswerP50:F2} ms  p99 {AnswerP99:F2} ms  ({AnsweredShare:P0} answered)
        plain BM25 top-10   p50 {BaselineP50:F2} ms  p99 {BaselineP99:F2} ms
        p50 ratio           {AnswerP50 / BaselineP50:F2}x
        working set         {WorkingSetMb} MB
        """);
}

internal static class AnswerBenchmark
{
    public static BenchmarkResult Run(int passages, int questionCount)
    {
        var data = Directory.CreateTempSubdirectory("honcho-bench-");
        try
        {
            var corpus = new SyntheticCorpus(seed: 42);
            var load = new CorpusLoad(corpus.Documents(passages).ToList(), []);
            var watch = Stopwatch.StartNew();
            // The production pipeline: claims extracted at index time, disagreements looked for at answer time.
            var lexicon = ClaimLexicon.LoadDefault();
            var annotator = new ClaimAnnotator(lexicon, new ClaimExtractor(lexicon));
            var (index, report) = PassageIndex.Open(data.FullName, load, SynonymList.Default, annotator);
            var build = watch.Elapsed.TotalSeconds;

            using var host = new IndexHost(
                Options.Create(new DataOptions { Path = data.FullName }),
                Options.Create(new CorpusOptions()),
                new SemanticIndex(new LexicalOnly(), Options.Create(new RetrievalOptions { Semantic = false }), NullLogger<SemanticIndex>.Instance),
                NullLogger<IndexHost>.Instance);
            host.Adopt(index);
            var answerer = new QuestionAnswerer(host, new NothingHidden(), TimeProvider.System, disagreements: new DisagreementFinder(lexicon));
            var searcher = new PassageSearcher(index);
            var questions = corpus.Questions(questionCount);

            // Warm-up: JIT, caches, first reader open.
            foreach (var question in questions.Take(50))
            {
                answerer.AnswerNow(Question.FromCli(question));
                searcher.SearchBaseline(question, 10);
            }

            var answered = 0;
            var answerTimes = new List<double>(questions.Count);
            var baselineTimes = new List<double>(questions.Count);
            foreach (var question in questions)
            {
                var answer = answerer.AnswerNow(Question.FromCli(question));
                answerTimes.Add(answer.ElapsedMs);
                answered += answer.Status == AnswerStatus.Answered ? 1 : 0;

                var started = Stopwatch.GetTimestamp();
                searcher.SearchBaseline(question, 10);
                baselineTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return new BenchmarkResult(
                report.Passages,
                build,
                report.Passages / build,
                Percentile(answerTimes, 0.50),
                Percentile(answerTimes, 0.99),
                Percentile(baselineTimes, 0.50),
                Percentile(baselineTimes, 0.99),
                answered / (double)questions.Count,
                Environment.WorkingSet / (1024 * 1024));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>The lexical benchmark loads no model: the semantic layer is off.</summary>
internal sealed class LexicalOnly : IEmbedder
{
    public string ModelId => "none";

    public int Dimensions => 1;

    public RelevanceScale Relevance { get; } = new(1, 1, 1);

    public float[] EmbedQuery(string question) => throw new InvalidOperationException("the lexical benchmark embeds nothing");

    public IReadOnlyList<float[]> EmbedDocuments(IReadOnlyList<string> texts, CancellationToken cancellationToken) => throw new InvalidOperationException("the lexical benchmark embeds nothing");
}
