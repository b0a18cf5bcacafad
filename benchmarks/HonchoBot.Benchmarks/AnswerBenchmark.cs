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

/// <summary>Which questions a benchmark asks.</summary>
internal enum QuestionGenerator
{
    /// <summary>Domain questions: a wh-word, units, places, aircraft, a rare word.</summary>
    Domain,

    /// <summary>Chat-style questions of the corpus's most common words, and very short ones.</summary>
    Common,
}

/// <summary>How the semantic layer runs in a benchmark.</summary>
internal enum VectorMode
{
    /// <summary>Off: lexical answers only, no model loaded.</summary>
    None,

    /// <summary>
    /// Questions embedded by the real model; passages and sentences get deterministic random unit vectors of the
    /// model's shape, because embedding 100,000 passages for real takes the better part of an hour here. The
    /// work per question (scan, cosines, fusion) is the same as with real vectors.
    /// </summary>
    Synthetic,

    /// <summary>Everything embedded by the real model.</summary>
    Real,
}

internal sealed record BenchmarkResult(
    QuestionGenerator Generator,
    VectorMode Vectors,
    double EmbedSeconds,
    long VectorBytes,
    long IndexBytes,
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
        passages            {Passages:N0}  (vectors: {Vectors}, questions: {Generator})
        index build         {BuildSeconds:F1} s  ({PassagesPerSecond:N0} passages/s, including commit)
        embedding           {EmbedSeconds:F1} s  ({(EmbedSeconds > 0 ? Passages / EmbedSeconds : 0):N0} passages/s with their sentences)
        on disk             index {IndexBytes / 1048576.0:F0} MB, vectors {VectorBytes / 1048576.0:F0} MB
        answer (elapsedMs)  p50 {AnswerP50:F2} ms  p99 {AnswerP99:F2} ms  ({AnsweredShare:P0} answered)
        plain BM25 top-10   p50 {BaselineP50:F2} ms  p99 {BaselineP99:F2} ms
        p50 ratio           {AnswerP50 / BaselineP50:F2}x
        working set         {WorkingSetMb} MB
        """);
}

internal static class AnswerBenchmark
{
    public static IReadOnlyList<BenchmarkResult> Run(int passages, int questionCount, VectorMode vectors, IReadOnlyList<QuestionGenerator> generators)
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

            using var model = vectors == VectorMode.None ? null : new HonchoBot.Embeddings.ArcticXsEmbedder(threads: Environment.ProcessorCount);
            IEmbedder embedder = vectors switch
            {
                VectorMode.None => new LexicalOnly(),
                VectorMode.Synthetic => new SyntheticEmbedder(model!),
                _ => model!,
            };
            using var host = new IndexHost(
                Options.Create(new DataOptions { Path = data.FullName }),
                Options.Create(new CorpusOptions()),
                new SemanticIndex(embedder, Options.Create(new RetrievalOptions { Semantic = vectors != VectorMode.None }), NullLogger<SemanticIndex>.Instance),
                annotator,
                NullLogger<IndexHost>.Instance);
            host.Adopt(index, data.FullName);
            watch.Restart();
            host.Semantic.EmbedAll(new ConsoleProgress(), CancellationToken.None, batchPassages: 16);
            var embed = vectors == VectorMode.None ? 0 : watch.Elapsed.TotalSeconds;
            var answerer = new QuestionAnswerer(host, new NothingHidden(), TimeProvider.System, disagreements: new DisagreementFinder(lexicon));
            var searcher = new PassageSearcher(index);
            var results = new List<BenchmarkResult>();
            foreach (var generator in generators)
            {
                var questions = generator == QuestionGenerator.Common ? corpus.CommonWordQuestions(questionCount) : corpus.Questions(questionCount);
                var (answerTimes, baselineTimes, answered) = Ask(answerer, searcher, questions);
                results.Add(new BenchmarkResult(
                    generator,
                    vectors,
                    embed,
                    host.Semantic.SizeOnDisk,
                    DirectorySize(Path.Combine(data.FullName, "index")),
                    report.Passages,
                    build,
                    report.Passages / build,
                    Percentile(answerTimes, 0.50),
                    Percentile(answerTimes, 0.99),
                    Percentile(baselineTimes, 0.50),
                    Percentile(baselineTimes, 0.99),
                    answered / (double)questions.Count,
                    Environment.WorkingSet / (1024 * 1024)));
            }

            return results;
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    /// <summary>50 warm-up questions (JIT, caches), then every question timed, answer and baseline in turn.</summary>
    private static (List<double> Answers, List<double> Baseline, int Answered) Ask(QuestionAnswerer answerer, PassageSearcher searcher, IReadOnlyList<string> questions)
    {
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

        return (answerTimes, baselineTimes, answered);
    }

    private static long DirectorySize(string path) =>
        Directory.Exists(path) ? Directory.GetFiles(path).Sum(f => new FileInfo(f).Length) : 0;

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>Embedding progress on stderr, every 5 %.</summary>
internal sealed class ConsoleProgress : IProgress<IndexProgress>
{
    private int _lastPercent = -1;

    public void Report(IndexProgress value)
    {
        var percent = value.Total == 0 ? 100 : value.Done * 100 / value.Total;
        if (percent / 5 != _lastPercent / 5)
        {
            _lastPercent = percent;
            Console.Error.WriteLine($"{value.Phase}: {value.Done:N0}/{value.Total:N0}");
        }
    }
}

/// <summary>
/// Real question vectors, synthetic passage and sentence vectors: unit vectors of the model's length drawn
/// from a generator seeded by the text, so runs are repeatable (see <see cref="VectorMode.Synthetic"/>).
/// </summary>
internal sealed class SyntheticEmbedder(IEmbedder model) : IEmbedder
{
    public string ModelId => "synthetic-" + model.Dimensions;

    public int Dimensions => model.Dimensions;

    public RelevanceScale Relevance => model.Relevance;

    public float[] EmbedQuery(string question) => model.EmbedQuery(question);

    public IReadOnlyList<float[]> EmbedDocuments(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        [.. texts.Select(text =>
        {
            var random = new Random(StringComparer.Ordinal.GetHashCode(text) ^ text.Length);
            var vector = new float[Dimensions];
            var norm = 0.0;
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] = (float)((random.NextDouble() * 2) - 1);
                norm += vector[i] * vector[i];
            }

            var scale = (float)(1 / Math.Sqrt(norm));
            return vector.Select(v => v * scale).ToArray();
        })];
}

/// <summary>The lexical benchmark loads no model: the semantic layer is off.</summary>
internal sealed class LexicalOnly : IEmbedder
{
    public string ModelId => "none";

    public int Dimensions => 1;

    public RelevanceScale Relevance { get; } = new(1, 1, 1, 0);

    public float[] EmbedQuery(string question) => throw new InvalidOperationException("the lexical benchmark embeds nothing");

    public IReadOnlyList<float[]> EmbedDocuments(IReadOnlyList<string> texts, CancellationToken cancellationToken) => throw new InvalidOperationException("the lexical benchmark embeds nothing");
}
