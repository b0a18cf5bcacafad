using System.Diagnostics;

namespace HonchoBot.Host.Tests.Cli;

/// <summary>Runs the built <c>honcho</c> in a new process, as an operator would, with a bounded wait.</summary>
internal static class CliProcess
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static Task<Run> RunAsync(string workingDirectory, string? stdin, params string[] args) =>
        RunAsync(workingDirectory, stdin, semantic: false, args);

    public static async Task<Run> RunAsync(string workingDirectory, string? stdin, bool semantic, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "honcho.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("Data__Path");

        // Lexical unless a test asks for the model: every process would load it and embed its corpus.
        start.Environment["Retrieval__Semantic"] = semantic ? "true" : "false";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Run(process.ExitCode, await stdout, await stderr);
    }
}
