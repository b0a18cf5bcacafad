using System.Diagnostics;
using System.Globalization;
using HonchoBot.Benchmarks;

// A stopwatch load harness (targets in docs/performance.md): index build throughput, then 500 question-like
// queries one after another on a warm process, timing HonchoBot's answer pipeline (elapsedMs) next to a
// plain Lucene.Net BM25 top-10 search on the same index, in the same run.
//
//   dotnet run -c Release --project benchmarks/HonchoBot.Benchmarks -- [--sizes 10000,100000] [--questions 500]
//   --questions-from domain|common: one question generator (default: both, on the same index).
//   --vectors none|synthetic|real: the semantic layer off (default), on with synthetic passage vectors, or real.
//   --embedding N: the model alone: question-embedding latency, and N passages embedded with their sentences.
//   --smoke: 2,000 passages and 50 questions (what CI runs).
var sizes = new List<int> { 10_000, 100_000 };
var questions = 500;
var vectors = VectorMode.None;
var generators = new List<QuestionGenerator> { QuestionGenerator.Domain, QuestionGenerator.Common };
var embedding = 0;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--sizes":
            sizes = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
            break;
        case "--questions":
            questions = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--vectors":
            vectors = Enum.Parse<VectorMode>(args[++i], ignoreCase: true);
            break;
        case "--questions-from":
            generators = [Enum.Parse<QuestionGenerator>(args[++i], ignoreCase: true)];
            break;
        case "--embedding":
            embedding = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--smoke":
            sizes = [2_000];
            questions = 50;
            break;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}");
            return 2;
    }
}

Console.WriteLine($"HonchoBot answer benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(Debugger.IsAttached ? "debugger" : "no debugger")}");
if (embedding > 0)
{
    Console.WriteLine(EmbeddingBenchmark.Run(embedding, questions));
    return 0;
}

foreach (var size in sizes)
{
    foreach (var result in AnswerBenchmark.Run(size, questions, vectors, generators))
    {
        Console.WriteLine(result.Format());
    }
}

return 0;
