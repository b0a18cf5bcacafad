using System.CommandLine;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Evaluation;
using HonchoBot.Core.Retrieval;

namespace HonchoBot.Host.Cli;

/// <summary><c>honcho eval FILE.jsonl</c>: retrieval, off-topic and disagreement figures plus latency.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A question set, one JSON object per line" };
        var minHit3 = new Option<double?>("--min-hit3") { Description = "Exit 1 when hit@3 is below this" };
        var minMrr = new Option<double?>("--min-mrr") { Description = "Exit 1 when MRR is below this" };
        var minOffTopic = new Option<double?>("--min-offtopic") { Description = "Exit 1 when off-topic accuracy is below this" };
        var minPrecision = new Option<double?>("--min-disagree-precision") { Description = "Exit 1 when disagreement precision is below this" };
        var verbose = new Option<bool>("--verbose") { Description = "Print each question's outcome" };
        var command = new Command("eval", "Score the bot on a question set") { file, minHit3, minMrr, minOffTopic, minPrecision, verbose };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(parse, async (services, stdout) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new UsageException($"{path.FullName}: no such file");
            }

            IReadOnlyList<EvalQuestion> questions;
            try
            {
                using var reader = path.OpenText();
                questions = EvalQuestion.ReadAll(reader);
            }
            catch (FormatException ex)
            {
                throw new UsageException($"{path.Name}: {ex.Message}");
            }

            var host = services.GetRequiredService<IndexHost>();
            host.Open(CliProgress.ToStderr());
            CliVectors.Prepare(host, all: true, cancellationToken);
            var report = await EvalRunner.RunAsync(services.GetRequiredService<IQuestionAnswerer>(), questions, cancellationToken);
            if (parse.GetValue(verbose))
            {
                foreach (var outcome in report.Outcomes)
                {
                    var label = outcome.Question.Id ?? outcome.Question.Q;
                    await stdout.WriteLineAsync($"{label,-8} {outcome.Answer.Status,-9} hit={outcome.HitRank} disagreements={outcome.Answer.Disagreements.Count} {outcome.Answer.ElapsedMs:F1}ms");
                }
            }

            await stdout.WriteLineAsync(report.Format());
            var below = new List<string>();
            Check("hit@3", report.Hit3, parse.GetValue(minHit3));
            Check("MRR", report.Mrr, parse.GetValue(minMrr));
            Check("off-topic accuracy", report.OffTopicAccuracy, parse.GetValue(minOffTopic));
            Check("disagreement precision", report.DisagreePrecision, parse.GetValue(minPrecision));
            foreach (var line in below)
            {
                await Console.Error.WriteLineAsync($"honcho: {line}");
            }

            return below.Count == 0 && report.Failures == 0 ? ExitCodes.Ok : ExitCodes.Failure;

            void Check(string name, double? value, double? minimum)
            {
                if (minimum is { } min && (value ?? 0) < min)
                {
                    below.Add($"{name} {value?.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) ?? "n/a"} is below {min}");
                }
            }
        }, cancellationToken));
        return command;
    }
}
