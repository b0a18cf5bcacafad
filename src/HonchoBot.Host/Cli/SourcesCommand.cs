using System.CommandLine;
using HonchoBot.Core.Retrieval;

namespace HonchoBot.Host.Cli;

/// <summary><c>honcho sources …</c>: the library.</summary>
internal static class SourcesCommand
{
    public static Command Create()
    {
        var list = new Command("list", "List the sources the bot answers from");
        list.SetAction((parse, cancellationToken) => CliRunner.RunAsync(parse, async (services, stdout) =>
        {
            var host = services.GetRequiredService<IndexHost>();
            var load = host.LoadCorpus();
            foreach (var document in load.Documents.OrderBy(d => d.Info.Id, StringComparer.Ordinal))
            {
                var info = document.Info;
                var where = info.IsShipped ? "shipped" : $"added by {info.AddedBy ?? "?"} {info.AddedAt:yyyy-MM-dd}";
                await stdout.WriteLineAsync($"{info.Id}\n    {info.Title}\n    {info.Publisher ?? "unknown publisher"}, {info.Published ?? "undated"}; {where}; {document.Blocks.Count} paragraphs");
            }

            foreach (var error in load.Errors)
            {
                await Console.Error.WriteLineAsync($"honcho: skipped {error}");
            }

            return ExitCodes.Ok;
        }, cancellationToken));

        return new Command("sources", "Manage and list sources") { list };
    }
}
