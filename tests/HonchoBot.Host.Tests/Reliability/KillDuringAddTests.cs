using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HonchoBot.Host.Tests.Cli;
using Xunit.Abstractions;

namespace HonchoBot.Host.Tests.Reliability;

/// <summary>
/// <c>honcho sources add</c> killed with SIGKILL at random points, over one data directory. Afterwards every
/// source in the library was reported and audited (as added, or as recovered at the next start), or is absent;
/// and nothing that was reported as added is lost.
/// </summary>
public sealed class KillDuringAddTests(ITestOutputHelper output) : IDisposable
{
    private static readonly Dictionary<string, string> NoEnvironment = [];
    private readonly HonchoProcess _honcho = new();

    public void Dispose() => _honcho.Dispose();

    [Fact]
    public async Task Adds_killed_at_random_points_leave_only_sources_that_were_audited_and_lose_none_that_were_reported()
    {
        var seed = ReliabilityRun.Seed;
        var random = new Random(seed);
        output.WriteLine($"seed {seed.ToString(CultureInfo.InvariantCulture)} (HONCHO_RELIABILITY_SEED replays it)");

        // An add that runs to the end: it builds the index, and says how long an add takes on this machine.
        var watch = Stopwatch.StartNew();
        var first = await _honcho.RunAsync(null, "sources", "add", WriteSource(random, -1), "--title", "Kill test calibration");
        var addTime = watch.Elapsed;
        Assert.True(first.ExitCode == 0, first.ToString());
        var reported = new List<string> { first.Stdout.Trim() };
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var run = 0; run < ReliabilityRun.KillRuns; run++)
        {
            var (exitedOnItsOwn, printedId) = await AddAndKillAsync(random, run, addTime);
            var outcome = exitedOnItsOwn ? "finished before the kill" : "killed";
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            if (printedId is not null)
            {
                reported.Add(printedId);
            }
        }

        // The next start recovers what the last kill left; it adds one more source of its own.
        var last = await _honcho.RunAsync(null, "sources", "add", WriteSource(random, 10_000), "--title", "Kill test after");
        Assert.True(last.ExitCode == 0, last.ToString());
        reported.Add(last.Stdout.Trim());

        var audit = await AuditAsync();
        var library = Directory.GetFiles(Path.Combine(_honcho.DataPath, "sources"), "*.md").Select(Path.GetFileNameWithoutExtension).ToList();
        foreach (var id in library)
        {
            Assert.Contains(audit, e => e.SourceId == id && e.Action == "add" && e.Outcome is "done" or "recovered");
        }

        Assert.All(reported, id => Assert.Contains(id, library));
        var staged = Path.Combine(_honcho.DataPath, "sources", ".pending");
        Assert.False(Directory.Exists(staged) && Directory.EnumerateFiles(staged, "*.md").Any(), "a staged source was left behind");
        foreach (var entry in audit.Where(e => e.Action == "add" && e.Outcome is "recovered" or "rolled_back"))
        {
            outcomes[entry.Outcome] = outcomes.GetValueOrDefault(entry.Outcome) + 1;
        }

        var summary = $"kill-during-add: seed {seed}, {ReliabilityRun.KillRuns} runs ({string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}"))}), " +
            $"{library.Count} sources in the library, every one audited; {reported.Count} reported, none lost";
        output.WriteLine(summary);
        ReliabilityRun.Report(summary);
    }

    /// <summary>
    /// Starts an add and kills it: even runs at a random moment of a whole add's time, odd runs at a random moment
    /// in the 60 ms after its source file first appears (staged, or in the library), where it is written, indexed,
    /// audited and published. Returns whether it finished first and the id it printed.
    /// </summary>
    private async Task<(bool ExitedOnItsOwn, string? PrintedId)> AddAndKillAsync(Random random, int run, TimeSpan addTime)
    {
        var file = WriteSource(random, run);
        using var process = _honcho.Start(NoEnvironment, "sources", "add", file, "--title", $"Kill test {run.ToString(CultureInfo.InvariantCulture)}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        if (run % 2 == 0)
        {
            await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMilliseconds(random.Next((int)addTime.TotalMilliseconds + 1))));
        }
        else
        {
            await Task.WhenAny(exited, WhenStagedAsync(exited));
            await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMilliseconds(random.Next(60))));
        }

        var exitedOnItsOwn = process.HasExited;
        if (!exitedOnItsOwn)
        {
            process.Kill(); // SIGKILL: no finally blocks, no flushes
        }

        await exited.WaitAsync(TimeSpan.FromSeconds(30));
        var printed = (await stdout).Trim();
        output.WriteLine($"run {run}: {(exitedOnItsOwn ? $"exited {process.ExitCode}" : "killed")} {printed} {(await stderr).Trim()}");
        return (exitedOnItsOwn, exitedOnItsOwn && process.ExitCode == 0 && printed.Length > 0 ? printed : null);
    }

    private async Task WhenStagedAsync(Task exited)
    {
        var library = Path.Combine(_honcho.DataPath, "sources");
        var staged = Path.Combine(library, ".pending");
        int Count(string directory) => Directory.Exists(directory) ? Directory.EnumerateFiles(directory, "*.md").Count() : 0;
        var before = Count(library);
        while (!exited.IsCompleted && Count(staged) == 0 && Count(library) == before)
        {
            await Task.Delay(1);
        }
    }

    /// <summary>The audit log as stored (one JSON object a line), read directly: no process is running now.</summary>
    private async Task<List<AuditLine>> AuditAsync() =>
        (await File.ReadAllLinesAsync(Path.Combine(_honcho.DataPath, "audit.jsonl")))
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<AuditLine>(l, JsonSerializerOptions.Web)!)
            .ToList();

    /// <summary>A text source of its own, so no add is refused as a duplicate of another.</summary>
    private string WriteSource(Random random, int run)
    {
        var words = new[] { "sortie", "airfield", "squadron", "radar", "convoy", "bridge", "ridge", "river", "depot", "escort", "patrol", "runway" };
        var text = new StringBuilder();
        for (var paragraph = 0; paragraph < 6; paragraph++)
        {
            for (var word = 0; word < 70; word++)
            {
                text.Append(words[random.Next(words.Length)]).Append(random.Next(1000).ToString(CultureInfo.InvariantCulture)).Append(' ');
            }

            text.Append("\n\n");
        }

        var path = Path.Combine(_honcho.Root, $"kill-{run.ToString(CultureInfo.InvariantCulture)}.txt");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private sealed record AuditLine(string Action, string? SourceId, string Outcome);
}
