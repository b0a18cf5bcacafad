using System.Diagnostics;
using System.Text;

namespace HonchoBot.Host.Tests.Cli;

/// <summary>What a <c>honcho</c> run printed and returned.</summary>
internal sealed record HonchoRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout split into lines, without the final empty one.</summary>
    public string[] StdoutLines => Stdout.Split('\n').Select(l => l.TrimEnd('\r')).SkipLast(Stdout.EndsWith('\n') ? 1 : 0).ToArray();

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// Runs the built <c>honcho.dll</c> (copied next to this test assembly by the project reference) as a child
/// process in a temporary working directory, with the fixture corpus as <c>Corpus__Paths__0</c>: the real
/// console, exit codes and streams, as an operator sees them.
/// </summary>
internal sealed class HonchoProcess : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public HonchoProcess()
    {
        Root = Path.Combine(Path.GetTempPath(), "honcho-host-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        DataPath = Path.Combine(Root, "data");
    }

    public string Root { get; }

    public string DataPath { get; }

    public static string FixtureCorpus => Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpus");

    private static string HonchoDll
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "honcho.dll");
            Assert.True(File.Exists(path), $"{path} is missing: the Host project reference should copy it here");
            return path;
        }
    }

    /// <summary>Runs <c>honcho --data {DataPath} args…</c>, feeding <paramref name="stdin"/> when given.</summary>
    public Task<HonchoRun> RunAsync(string? stdin, params string[] args) => RunAsync(stdin, new Dictionary<string, string>(), args);

    /// <summary>As above, with extra environment variables (configuration overrides).</summary>
    public async Task<HonchoRun> RunAsync(string? stdin, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"honcho {string.Join(' ', args)} did not finish in {Timeout.TotalSeconds} s");
        }

        return new HonchoRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts <c>honcho --data {DataPath} args…</c> with redirected streams; the caller reads, waits or kills it.</summary>
    public Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HonchoDll);
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(DataPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Corpus__Paths__0"] = FixtureCorpus;
        start.Environment.Remove("Data__Path");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        // Lexical unless a test asks for the model (Retrieval__Semantic=true): every process would load it.
        start.Environment["Retrieval__Semantic"] = "false";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start honcho");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
