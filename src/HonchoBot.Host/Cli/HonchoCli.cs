using System.CommandLine;

namespace HonchoBot.Host.Cli;

/// <summary>The <c>honcho</c> command line (System.CommandLine).</summary>
internal static class HonchoCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        var root = new RootCommand("HonchoBot: cited answers about the Soviet air war in Korea, from its sources.")
        {
            GlobalOptions.Data,
            GlobalOptions.Corpus,
            AskCommand.Create(),
            IndexCommand.Create(),
            SourcesCommand.Create(),
            EvalCommand.Create(),
            Serve.ServeCommand.Create(),
            ChatCommand.Create(),
            GapsCommand.Create(),
            HealthCommand.Create(),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"honcho: {error.Message}");
            }

            await Console.Error.WriteLineAsync("Run 'honcho --help' for usage.");
            return ExitCodes.Usage;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await parse.InvokeAsync(cancellationToken: cancel.Token);
    }
}
