using System.CommandLine;
using System.Text;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Claims;
using HonchoBot.Core.Retrieval;
using HonchoBot.Host.Output;

namespace HonchoBot.Host.Cli;

/// <summary>
/// <c>honcho ask "question"</c>, <c>--json</c>, <c>--json -</c> for one question per stdin line, and <c>--chart FILE.png</c>
/// for a bar chart of a numeric disagreement.
/// </summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "The question, or - to read one per line from stdin (with --json)" };
        var json = new Option<bool>("--json") { Description = "Print the JSON contract instead of text" };
        var fact = new Option<bool>("--fact") { Description = "Only the single best excerpt" };
        var explain = new Option<bool>("--explain") { Description = "Print the ranked candidates and their coverage to stderr" };
        var chart = new Option<FileInfo?>("--chart") { Description = "Write a bar chart (PNG) of the answer's numeric disagreement to this file" };
        var command = new Command("ask", "Answer a question from the sources") { question, json, fact, explain, chart };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(parse, async (services, stdout) =>
        {
            var text = parse.GetValue(question)!;
            if (CliArguments.IsUnknownOption(parse, text))
            {
                // An unknown option in the question's place is a usage error, not a question.
                throw new UsageException($"unknown option '{text}' (quote a question that starts with '-'? put it after --)");
            }

            var mode = parse.GetValue(fact) ? QuestionMode.Fact : QuestionMode.Ask;
            var asJson = parse.GetValue(json);
            var chartFile = parse.GetValue(chart);
            if (chartFile is not null)
            {
                if (text == "-")
                {
                    throw new UsageException("--chart draws one answer; it cannot be used with - (questions from stdin)");
                }

                // Before the index opens: a bad path should not cost the wait for an answer.
                ChartFile.Validate(chartFile);
            }

            var host = services.GetRequiredService<IndexHost>();
            host.Open(CliProgress.ToStderr());
            CliVectors.Prepare(host, all: false, cancellationToken);
            var answerer = services.GetRequiredService<IQuestionAnswerer>();

            if (text == "-")
            {
                if (!asJson)
                {
                    throw new UsageException("reading questions from stdin (-) needs --json");
                }

                using var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
                var lines = new LineReader(stdin);
                while (await lines.ReadLineAsync(cancellationToken) is { } line)
                {
                    var answer = await answerer.AnswerAsync(new Question(line, QuestionOrigin.Cli, mode), cancellationToken);
                    await stdout.WriteLineAsync(AnswerJson.Serialize(answer));
                    await stdout.FlushAsync(cancellationToken);
                }

                return ExitCodes.Ok;
            }

            if (parse.GetValue(explain))
            {
                Explain(host, text);
            }

            var single = await answerer.AnswerAsync(new Question(text, QuestionOrigin.Cli, mode), cancellationToken);
            await stdout.WriteLineAsync(asJson ? AnswerJson.Serialize(single) : AnswerTextRenderer.Render(single));
            if (chartFile is not null)
            {
                // With --json, stdout carries only the answer, so the chart's path goes to stderr.
                var written = await ChartFile.WriteAsync(chartFile, single, cancellationToken);
                var note = written ? $"chart: {chartFile.FullName}" : "no chart: the answer has no disagreement about numbers";
                await (written && !asJson ? stdout : Console.Error).WriteLineAsync(note);
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static void Explain(IndexHost host, string question)
    {
        var normalized = Core.Corpus.TextNormalizer.Normalize(question);
        var vector = host.Semantic.EmbedQuestion(normalized);
        var result = new PassageSearcher(host.Require(), host.Semantic).Search(normalized, SearchScope.Global, vector, otherSources: true);
        var unknown = result.UnknownTerms.Count == 0 ? string.Empty : $", unknown names: {string.Join(", ", result.UnknownTerms)} ({result.UnknownShare:P0} of the question)";
        Console.Error.WriteLine($"concepts: {result.ConceptCount}{unknown}; {(vector is null ? "lexical search" : "hybrid search")}");
        foreach (var e in result.Candidates)
        {
            var claims = ClaimJson.TryDeserialize(e.Annotation, out var parsed, out _) ? parsed : [];
            var meaning = e.Dense is { } dense ? $" cosine {dense.PassageCosine:F3} best sentence {dense.BestSentenceCosine:F3}" : string.Empty;
            Console.Error.WriteLine($"{e.Passage.Id,-40} rank {e.Rank:F3} coverage {e.Coverage:F2} matched {e.MatchedConcepts} bm25 {e.Bm25:F2}{meaning} claims {claims.Count}");
            if (claims.Count > 0)
            {
                foreach (var claim in claims)
                {
                    Console.Error.WriteLine($"    claim {claim.Kind} {claim.Value} thing={claim.Thing} measure={claim.Measure} side={claim.Side} agent={claim.Agent} status={claim.Status} time={claim.Time} scope=[{string.Join(",", claim.Scope)}]");
                }
            }

            for (var s = 0; s < e.Sentences.Count; s++)
            {
                var (start, length) = e.Sentences[s];
                var cosine = e.Dense is { } d && s < d.SentenceCosines.Count ? $" {d.SentenceCosines[s]:F3}" : string.Empty;
                Console.Error.WriteLine($"    {e.SentenceScores[s],5:F2}{cosine} {e.Passage.Text.Substring(start, Math.Min(length, 90))}");
            }
        }
    }
}
