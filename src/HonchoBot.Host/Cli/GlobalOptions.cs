using System.CommandLine;

namespace HonchoBot.Host.Cli;

/// <summary>Options every verb takes (README.md).</summary>
internal static class GlobalOptions
{
    public static Option<string?> Data { get; } = new("--data")
    {
        Description = "Data directory (sources/, index/, audit.jsonl). Default: Data:Path, ./data",
        Recursive = true,
    };

    public static Option<string[]> Corpus { get; } = new("--corpus")
    {
        Description = "An extra global corpus directory (repeatable)",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };
}
