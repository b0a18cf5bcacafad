using System.Globalization;

namespace HonchoBot.Host.Tests.Reliability;

/// <summary>
/// Sizes of the hostile-input and kill runs. The normal test run keeps them small; a full run sets them from the
/// environment (docs/reliability.md has the command) and may ask for its figures to be written to a file.
/// </summary>
internal static class ReliabilityRun
{
    /// <summary>Hostile requests per endpoint: <c>HONCHO_FUZZ_PER_ENDPOINT</c>, default 60.</summary>
    public static int FuzzPerEndpoint => Read("HONCHO_FUZZ_PER_ENDPOINT", 60);

    /// <summary>Killed adds: <c>HONCHO_KILL_RUNS</c>, default 2.</summary>
    public static int KillRuns => Read("HONCHO_KILL_RUNS", 2);

    /// <summary>The random seed: <c>HONCHO_RELIABILITY_SEED</c>, else a fresh one (always printed, so a failure can be replayed).</summary>
    public static int Seed => Read("HONCHO_RELIABILITY_SEED", Random.Shared.Next());

    /// <summary>Appends a run's figures to <c>HONCHO_RELIABILITY_REPORT</c> when it is set.</summary>
    public static void Report(string text)
    {
        if (Environment.GetEnvironmentVariable("HONCHO_RELIABILITY_REPORT") is { Length: > 0 } path)
        {
            File.AppendAllText(path, text + Environment.NewLine);
        }
    }

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
