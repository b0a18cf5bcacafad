using System.CommandLine;
using HonchoBot.Core.Retrieval;

namespace HonchoBot.Host.Cli;

/// <summary><c>honcho index</c>: rebuild the index from the corpus, with progress on long runs.</summary>
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
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
