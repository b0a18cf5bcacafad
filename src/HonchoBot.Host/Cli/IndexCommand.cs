using System.CommandLine;
using HonchoBot.Core.Retrieval;

namespace HonchoBot.Host.Cli;

/// <summary>
/// <c>honcho index</c>: rebuilds the index from the corpus, then embeds every passage that has no vectors,
/// with progress on long runs. Vectors are kept as they are made, so an interrupted run resumes.
/// </summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var command = new Command("index", "Rebuild the search index from the corpus and added sources");
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(parse, async (services, stdout) =>
        {
            var host = services.GetRequiredService<IndexHost>();
            var report = host.Open(CliProgress.ToStderr(), forceRebuild: true);
            if (report.IsReadOnly)
            {
                await Console.Error.WriteLineAsync($"honcho: cannot rebuild: {report.ReadOnlyReason}");
                return ExitCodes.Failure;
            }

            await stdout.WriteLineAsync($"Indexed {report.Added + report.Updated} sources, {report.Passages} passages in {report.Elapsed.TotalSeconds:F1} s ({host.DataPath}).");
            if (host.Semantic.IsEnabled)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var before = host.Semantic.Coverage;
                CliVectors.Prepare(host, all: true, cancellationToken);
                var after = host.Semantic.Coverage;
                await stdout.WriteLineAsync($"Vectors: {after.Embedded} of {after.Passages} passages ({after.Embedded - before.Embedded} embedded now in {watch.Elapsed.TotalSeconds:F1} s, {host.Semantic.SizeOnDisk / 1048576.0:F1} MB on disk).");
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
