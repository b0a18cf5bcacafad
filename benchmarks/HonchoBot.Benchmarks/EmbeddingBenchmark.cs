using System.Diagnostics;
using System.Globalization;
using HonchoBot.Core.Corpus;
using HonchoBot.Embeddings;

namespace HonchoBot.Benchmarks;

/// <summary>The embedding model alone: how long a question takes, and how fast a library is embedded.</summary>
internal static class EmbeddingBenchmark
{
    public static string Run(int passages, int questionCount)
    {
        var corpus = new SyntheticCorpus(seed: 42);
        var chunks = corpus.Documents(passages).SelectMany(PassageChunker.Chunk).Take(passages).ToList();
        var questions = corpus.Questions(questionCount);

        var load = Stopwatch.StartNew();
        using var single = new ArcticXsEmbedder(threads: 1);
        single.EmbedQuery("warm up");
        var loadSeconds = load.Elapsed.TotalSeconds;

        var times = new List<double>(questions.Count);
        foreach (var question in questions)
        {
            var started = Stopwatch.GetTimestamp();
            single.EmbedQuery(question);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        using var all = new ArcticXsEmbedder(threads: Environment.ProcessorCount);
        all.EmbedQuery("warm up");
        var texts = chunks.SelectMany(p => new[] { p.Text }.Concat(p.Sentences().Select(s => p.Text.Substring(s.Start, s.Length)))).ToList();
        var watch = Stopwatch.StartNew();
        all.EmbedDocuments(texts, CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        var perSecond = chunks.Count / seconds;
        return string.Create(CultureInfo.InvariantCulture, $"""
            model load          {loadSeconds:F2} s (first question included)
            question embedding  p50 {times[times.Count / 2]:F2} ms  p99 {times[(int)(times.Count * 0.99) - 1]:F2} ms  (one thread, {questions.Count} questions)
            passages            {chunks.Count:N0} with {texts.Count - chunks.Count:N0} sentences ({chunks.Average(p => PassageChunker.CountWords(p.Text)):F0} words a passage)
            embedding           {seconds:F1} s: {perSecond:F1} passages/s with their sentences ({Environment.ProcessorCount} threads)
            at that rate        100,000 passages {100_000 / perSecond / 60:F0} min; 1,000,000 passages {1_000_000 / perSecond / 3600:F1} h
            working set         {Environment.WorkingSet / (1024 * 1024)} MB
            """);
    }
}
