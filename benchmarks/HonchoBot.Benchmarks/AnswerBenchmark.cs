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

internal static class AnswerBenchmark
{
    /// <summary>
    /// Writes a synthetic library of about <paramref name="passages"/> passages as corpus files, builds the index
    /// (and vectors) from them in a new process the way <c>honcho serve</c> does, then restarts on that data directory
    /// in another and asks the questions there: ready-on-restart time and memory are a new process's, not a builder's.
    /// </summary>
    /// <param name="keepIn">A directory to build in and keep (for profiling with <c>--serve</c>); null builds in a temporary one.</param>
    public static void Run(int passages, int questionCount, VectorMode vectors, IReadOnlyList<QuestionGenerator> generators, string? keepIn = null)
    {
        var data = keepIn is null ? Directory.CreateTempSubdirectory("honcho-bench-") : Directory.CreateDirectory(keepIn);
        try
        {
            var corpus = new SyntheticCorpus(seed: 42);
            var corpusPath = Path.Combine(data.FullName, "corpus");
            Directory.CreateDirectory(corpusPath);
            foreach (var document in corpus.Documents(passages))
            {
                File.WriteAllText(Path.Combine(corpusPath, document.Info.Id + ".md"), SourceFileFormat.Write(document.Info, document.Blocks));
            }

            foreach (var generator in generators)
            {
                var questions = generator == QuestionGenerator.Common ? corpus.CommonWordQuestions(questionCount) : corpus.Questions(questionCount);
                File.WriteAllLines(QuestionsPath(data.FullName, generator), questions);
            }

            // The library is on disk before the clock starts, as for a server started on it: otherwise the kernel
            // writes the files just generated back while the build runs, and the build pays for that I/O.
            FlushToDisk();
            RunChild("--build", data.FullName, vectors, generators);
            var (plain, plainPassages) = PlainLuceneIndexing(passages);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                plain Lucene.Net    {plain:F1} s  ({plainPassages / plain:N0} passages/s, one thread, same passages in memory)
                on disk             index {DirectorySize(Path.Combine(data.FullName, "index")) / 1048576.0:F0} MB, vectors {DirectorySize(Path.Combine(data.FullName, "vectors")) / 1048576.0:F0} MB, corpus {DirectorySize(corpusPath) / 1048576.0:F0} MB
                """));

            RunChild("--serve", data.FullName, vectors, generators);
        }
        finally
        {
            if (keepIn is null)
            {
                data.Delete(recursive: true);
            }
        }
    }

    /// <summary>
    /// The building process (<c>--build DIR</c>): a new process indexing DIR's corpus files (and embedding them, with
    /// vectors), as a server started on a library does, rather than the process that just generated them, whose heap
    /// still holds the generator's garbage.
    /// </summary>
    public static void Build(string dataPath, VectorMode vectors)
    {
        var watch = Stopwatch.StartNew();
        IndexSyncReport report;
        double embedSeconds = 0;
        var sources = Directory.GetFiles(Path.Combine(dataPath, "corpus"), "*.md").Length;
        using (var model = vectors == VectorMode.None ? null : new HonchoBot.Embeddings.ArcticXsEmbedder(threads: Environment.ProcessorCount))
        using (var host = NewHost(dataPath, Path.Combine(dataPath, "corpus"), vectors, model))
        {
            report = host.Open();
            if (vectors != VectorMode.None)
            {
                host.AttachSemantic();
                var embedding = Stopwatch.StartNew();
                host.Semantic.EmbedAll(new ConsoleProgress(), CancellationToken.None, batchPassages: 16);
                embedSeconds = embedding.Elapsed.TotalSeconds;
            }
        }

        var build = watch.Elapsed.TotalSeconds - embedSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            passages            {report.Passages:N0} in {sources:N0} source files  (vectors: {vectors})
            index build         {build:F1} s  ({report.Passages / build:N0} passages/s from the files, every core, including commit)
            embedding           {embedSeconds:F1} s  ({(embedSeconds > 0 ? report.Passages / embedSeconds : 0):N0} passages/s with their sentences)
            """));
    }

    /// <summary>
    /// The restarted process (<c>--serve DIR</c>): opens the existing index, then asks every generator's questions,
    /// each answer next to a plain Lucene.Net BM25 top-10 search on the same index.
    /// </summary>
    public static void Serve(string dataPath, VectorMode vectors, IReadOnlyList<QuestionGenerator> generators)
    {
        var watch = Stopwatch.StartNew();
        using var model = vectors == VectorMode.None ? null : new HonchoBot.Embeddings.ArcticXsEmbedder(threads: 1);
        using var host = NewHost(dataPath, Path.Combine(dataPath, "corpus"), vectors, model);
        var setUp = watch.Elapsed.TotalSeconds;
        var report = host.Open();
        var ready = watch.Elapsed.TotalSeconds;
        var readyMb = WorkingSetMb();
        watch.Restart();
        host.AttachSemantic();
        var attach = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            restart             ready in {ready:F2} s: {setUp:F2} s lexicon{(model is null ? "" : " and model")}, {ready - setUp:F2} s corpus check and index open ({report.Added + report.Updated} sources re-indexed); vectors attached {attach:F2} s later
            working set         {readyMb} MB when ready
            """));

        var lexicon = ClaimLexicon.LoadDefault();
        var answerer = new QuestionAnswerer(host, new NothingHidden(), TimeProvider.System, disagreements: new DisagreementFinder(lexicon));
        var searcher = new PassageSearcher(host.Current!);
        foreach (var generator in generators)
        {
            var questions = File.ReadAllLines(QuestionsPath(dataPath, generator));
            var (answers, baseline, answered) = Ask(answerer, searcher, questions);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                questions           {generator}: {questions.Length} after 50 warm-up, {answered / (double)questions.Length:P0} answered
                answer (elapsedMs)  p50 {Percentile(answers, 0.50):F2} ms  p99 {Percentile(answers, 0.99):F2} ms  max {answers.Max():F2} ms
                plain BM25 top-10   p50 {Percentile(baseline, 0.50):F2} ms  p99 {Percentile(baseline, 0.99):F2} ms
                p50 ratio           {Percentile(answers, 0.50) / Percentile(baseline, 0.50):F2}x
                working set         {WorkingSetMb()} MB after the questions
                slowest             {string.Join(" | ", answers.Select((ms, i) => (ms, i)).OrderByDescending(a => a.ms).Take(3).Select(a => $"{a.ms:F1} ms \"{questions[a.i]}\""))}
                """));
        }
    }

    private static IndexHost NewHost(string dataPath, string corpusPath, VectorMode vectors, IEmbedder? model)
    {
        IEmbedder embedder = vectors switch
        {
            VectorMode.None => new LexicalOnly(),
            VectorMode.Synthetic => new SyntheticEmbedder(model!),
            _ => model!,
        };
        var lexicon = ClaimLexicon.LoadDefault();
        return new IndexHost(
            Options.Create(new DataOptions { Path = dataPath }),
            Options.Create(new CorpusOptions { Paths = [corpusPath] }),
            new SemanticIndex(embedder, Options.Create(new RetrievalOptions { Semantic = vectors != VectorMode.None }), NullLogger<SemanticIndex>.Instance),
            new ClaimAnnotator(lexicon, new ClaimExtractor(lexicon)),
            new NoChangeFeed(),
            new FileSourceStore(Options.Create(new DataOptions { Path = dataPath }), TimeProvider.System),
            NullLogger<IndexHost>.Instance);
    }

    /// <summary>Runs <c>--build</c> or <c>--serve</c> in a new process of this same program and passes its output through.</summary>
    private static void RunChild(string mode, string dataPath, VectorMode vectors, IReadOnlyList<QuestionGenerator> generators)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = false, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(AnswerBenchmark).Assembly.Location);
        }

        foreach (var argument in new[] { mode, dataPath, "--vectors", vectors.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var generator in generators)
        {
            start.ArgumentList.Add("--questions-from");
            start.ArgumentList.Add(generator.ToString());
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException($"could not start the {mode} process");
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"the {mode} process exited with {child.ExitCode}");
        }
    }

    /// <summary>Plain Lucene.Net over the same passages: standard analyzer, an id and the stored text, one thread.</summary>
    private static (double Seconds, int Passages) PlainLuceneIndexing(int passages)
    {
        var path = Directory.CreateTempSubdirectory("honcho-plain-");
        try
        {
            var chunks = new SyntheticCorpus(seed: 42).Documents(passages).SelectMany(PassageChunker.Chunk).ToList();
            return (IndexingBenchmark.PlainLucene(chunks, path.FullName), chunks.Count);
        }
        finally
        {
            path.Delete(recursive: true);
        }
    }

    /// <summary>Asks the kernel to write all dirty pages back (<c>sync</c>); skipped where there is no such command.</summary>
    private static void FlushToDisk()
    {
        try
        {
            using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
            sync?.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No sync command (not Linux): the build then includes whatever writeback happens meanwhile.
        }
    }

    private static string QuestionsPath(string dataPath, QuestionGenerator generator) =>
        Path.Combine(dataPath, $"questions-{generator.ToString().ToLowerInvariant()}.txt");

    private static long WorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / (1024 * 1024);
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
        Directory.Exists(path) ? Directory.GetFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;

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
/// from a generator seeded by a hash of the text, so runs are repeatable (see <see cref="VectorMode.Synthetic"/>).
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
            var random = new Random(StableSeed(text));
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

    /// <summary>FNV-1a over the text: unlike string hash codes, the same in every process.</summary>
    private static int StableSeed(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }
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
