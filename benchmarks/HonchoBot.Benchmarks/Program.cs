using System.Diagnostics;
using System.Globalization;
using HonchoBot.Benchmarks;

// A stopwatch load harness (docs/performance.md): a synthetic library written as corpus files and indexed as
// `honcho serve` does in a fresh process, then a restart in another and 500 question-like queries one after another,
// timing HonchoBot's answer pipeline (elapsedMs) next to a plain Lucene.Net BM25 top-10 search on the same
// index, in the same run.
//
//   dotnet run -c Release --project benchmarks/HonchoBot.Benchmarks -- [--sizes 10000,100000] [--questions 500]
//   --questions-from domain|common: a question generator, repeatable (default: both, on the same index).
//   --vectors none|synthetic|real: the semantic layer off (default), on with synthetic passage vectors, or real.
//   --embedding N: the model alone: question-embedding latency, and N passages embedded with their sentences.
//   --indexing N: each step of the indexing chain timed alone over N passages, next to plain Lucene.Net.
//   --smoke: 2,000 passages and 50 questions (what CI runs).
//   --keep DIR: build in DIR/<size> and keep it; --serve DIR/<size> then asks again (under a profiler, say).
//   --build DIR: the building process: indexes DIR's corpus files as a server started on them does.
//   --serve DIR: the restarted process: opens DIR's index and asks the questions written there.
var sizes = new List<int> { 10_000, 100_000 };
var questions = 500;
var vectors = VectorMode.None;
var generators = new List<QuestionGenerator> { QuestionGenerator.Domain, QuestionGenerator.Common };
var embedding = 0;
var indexing = 0;
string? serve = null;
string? build = null;
string? keep = null;
var generatorsGiven = false;
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
            generators = generatorsGiven ? generators : [];
            generators.Add(Enum.Parse<QuestionGenerator>(args[++i], ignoreCase: true));
            generatorsGiven = true;
            break;
        case "--keep":
            keep = args[++i];
            break;
        case "--serve":
            serve = args[++i];
            break;
        case "--build":
            build = args[++i];
            break;
        case "--embedding":
            embedding = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--indexing":
            indexing = int.Parse(args[++i], CultureInfo.InvariantCulture);
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

if (indexing > 0)
{
    Console.WriteLine(IndexingBenchmark.Run(indexing));
    return 0;
}

if (build is not null)
{
    AnswerBenchmark.Build(build, vectors);
    return 0;
}

if (serve is not null)
{
    AnswerBenchmark.Serve(serve, vectors, generators);
    return 0;
}

foreach (var size in sizes)
{
    AnswerBenchmark.Run(size, questions, vectors, generators, keep is null ? null : Path.Combine(keep, size.ToString(CultureInfo.InvariantCulture)));
}

return 0;
