using System.Diagnostics;
using System.Globalization;
using HonchoBot.Core.Claims;
using HonchoBot.Core.Claims.Text;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Retrieval;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace HonchoBot.Benchmarks;

/// <summary>
/// Where indexing time goes: each step of the chain timed on its own, on one thread, over the same synthetic
/// passages, next to plain Lucene.Net (standard analyzer, the text stored) on the same passages. The shares say
/// which step to work on; the whole-chain throughput on every core is what <see cref="AnswerBenchmark"/> reports.
/// Steps are timed in CPU time of the process, which holds steady when other work shares the cores, on the chain's
/// second run over the passages (the first compiles the code).
/// </summary>
internal static class IndexingBenchmark
{
    public static string Run(int passageCount)
    {
        var corpus = new SyntheticCorpus(seed: 42);
        var sources = corpus.Documents(passageCount).ToList();
        var lexicon = ClaimLexicon.LoadDefault();
        var extractor = new ClaimExtractor(lexicon);
        using var analysis = new TextAnalysis(SynonymList.Default);

        var data = System.IO.Directory.CreateTempSubdirectory("honcho-indexing-");
        try
        {
            // The chain runs twice and the second run is reported: the first compiles and optimises the code (a
            // few seconds of a build's start, not a cost per passage), and in a first run each step carried its
            // own share of that, which made the shares say more about the order of the steps than their work.
            _ = Measure(sources, lexicon, extractor, analysis, Path.Combine(data.FullName, "warm-up"));
            var (passages, steps) = Measure(sources, lexicon, extractor, analysis, Path.Combine(data.FullName, "honcho"));
            var cpu = CpuWatch.StartNew();
            PlainLucene(passages, Path.Combine(data.FullName, "plain"));
            var plain = cpu.Seconds;
            return Format(passages.Count, steps, plain);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static (List<Passage> Passages, List<(string Step, double Seconds)> Steps) Measure(
        List<SourceDocument> sources, ClaimLexicon lexicon, ClaimExtractor extractor, TextAnalysis analysis, string indexPath)
    {
        var steps = new List<(string Step, double Seconds)>();
        var watch = CpuWatch.StartNew();
        var passages = sources.SelectMany(PassageChunker.Chunk).ToList();
        steps.Add(("chunking", watch.Seconds));

        watch.Restart();
        var tokens = passages.Select(p => analysis.AnalyzeText(p.Text)).ToList();
        steps.Add(("analysis (tokens, synonyms, folding)", watch.Seconds));

        watch.Restart();
        foreach (var passage in passages)
        {
            _ = TaggedText.Create(passage.Text, lexicon);
        }

        var tagging = watch.Seconds;
        steps.Add(("claims: lexicon tagging", tagging));

        watch.Restart();
        var claims = passages.Select(p => extractor.Extract(p.Text)).ToList();
        steps.Add(("claims: kinds (after tagging)", Math.Max(0, watch.Seconds - tagging)));

        watch.Restart();
        var claimJson = claims.Select(c => c.Count == 0 ? null : ClaimJson.Serialize(c)).ToList();
        steps.Add(("claims: JSON", watch.Seconds));

        var sourceJson = sources.ToDictionary(s => s.Info.Id, s => PassageDocuments.SourceJson(s.Info));
        using (var directory = new NIOFSDirectory(indexPath))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analysis.Index) { RAMBufferSizeMB = 256 }))
        using (var builder = new PassageDocumentBuilder())
        {
            watch.Restart();
            for (var i = 0; i < passages.Count; i++)
            {
                writer.AddDocument(builder.Fill(passages[i], tokens[i], sourceJson[passages[i].SourceId], claimJson[i], PassageDocuments.GlobalCommunity));
            }

            steps.Add(("Lucene: fill fields, invert and store", watch.Seconds));
            watch.Restart();
            writer.Commit();
            steps.Add(("Lucene: flush and commit", watch.Seconds));
        }

        return (passages, steps);
    }

    /// <summary>Plain Lucene.Net: standard analyzer, an id and the stored text, one thread, committed; wall seconds.</summary>
    public static double PlainLucene(IReadOnlyList<Passage> passages, string path)
    {
        var watch = Stopwatch.StartNew();
        using var directory = new NIOFSDirectory(path);
        using var analyzer = new StandardAnalyzer(LuceneVersion.LUCENE_48);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { RAMBufferSizeMB = 256 });
        foreach (var passage in passages)
        {
            writer.AddDocument(new Document
            {
                new StringField("id", passage.Id, Field.Store.YES),
                new TextField("text", passage.Text, Field.Store.YES),
            });
        }

        writer.Commit();
        return watch.Elapsed.TotalSeconds;
    }

    private static string Format(int passages, List<(string Step, double Seconds)> steps, double plain)
    {
        var total = steps.Sum(s => s.Seconds);
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"indexing chain, one thread, {passages:N0} passages"),
        };
        lines.AddRange(steps.Select(s => string.Create(
            CultureInfo.InvariantCulture,
            $"  {s.Step,-38} {s.Seconds * 1e6 / passages,8:F1} CPU µs/passage  {s.Seconds / total,6:P1}")));
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {"whole chain",-38} {total * 1e6 / passages,8:F1} CPU µs/passage  ({passages / total:N0} passages per CPU second)"));
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {"plain Lucene.Net",-38} {plain * 1e6 / passages,8:F1} CPU µs/passage  ({passages / plain:N0} passages per CPU second)"));
        return string.Join(Environment.NewLine, lines);
    }
}

/// <summary>CPU time used by this process since the last restart: steadier than wall time on a shared machine.</summary>
internal sealed class CpuWatch
{
    private TimeSpan _started = Now;

    public double Seconds => (Now - _started).TotalSeconds;

    private static TimeSpan Now => Process.GetCurrentProcess().TotalProcessorTime;

    public static CpuWatch StartNew() => new();

    public void Restart() => _started = Now;
}
