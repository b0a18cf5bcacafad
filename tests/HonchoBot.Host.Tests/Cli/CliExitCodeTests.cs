using System.CommandLine;
using HonchoBot.Host.Cli;

namespace HonchoBot.Host.Tests.Cli;

/// <summary>Usage errors exit 2 with one line on stderr, whatever the verb, and never a stack trace.</summary>
public sealed class CliExitCodeTests : IDisposable
{
    private readonly HonchoProcess _honcho = new();

    public void Dispose() => _honcho.Dispose();

    private static void AssertUsageError(HonchoRun run, string expected)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("honcho: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task Serve_with_a_listen_url_that_is_not_a_url_exits_2_with_one_line()
    {
        AssertUsageError(await _honcho.RunAsync(null, "serve", "--urls", "notaurl"), "--urls notaurl: not a listen URL");
    }

    [Fact]
    public async Task Health_with_an_address_that_is_not_a_url_exits_2_with_one_line()
    {
        AssertUsageError(await _honcho.RunAsync(null, "health", "--url", "notaurl"), "notaurl: not an http:// or https:// address");
    }

    [Theory]
    [InlineData("ask", "How many MiGs did the Sabre pilots claim?")]
    [InlineData("sources", "list")]
    [InlineData("serve", "--urls", "http://127.0.0.1:0")]
    public async Task A_data_directory_that_is_a_file_exits_2_with_one_line(params string[] args)
    {
        await File.WriteAllTextAsync(_honcho.DataPath, "not a directory");

        AssertUsageError(await _honcho.RunAsync(null, args), "is a file");
    }

    [Theory]
    [InlineData(".", "is a directory")]
    [InlineData("missing/chart.png", "no such directory")]
    [InlineData("chart.jpg", "give a file name ending in .png")]
    public async Task Ask_with_a_chart_path_that_cannot_be_a_png_exits_2_with_one_line(string chart, string expected)
    {
        AssertUsageError(await _honcho.RunAsync(null, "ask", "--chart", chart, "How many planes did the Soviet air force lose?"), expected);
        Assert.Empty(Directory.GetFiles(_honcho.Root, "*.*g"));
    }

    [Fact]
    public async Task Ask_chart_with_questions_from_stdin_exits_2_with_one_line()
    {
        AssertUsageError(await _honcho.RunAsync("How many planes did the Soviet air force lose?\n", "ask", "--json", "--chart", "c.png", "-"), "cannot be used with -");
    }

    [Fact]
    public async Task Sources_add_of_a_directory_says_it_is_a_directory()
    {
        var directory = Directory.CreateDirectory(Path.Combine(_honcho.Root, "articles")).FullName;

        AssertUsageError(await _honcho.RunAsync(null, "sources", "add", directory), "is a directory");
    }

    [Theory]
    [InlineData(false, "ask", "--", "-MiG")]
    [InlineData(false, "ask", "--json", "--", "-MiG")]
    [InlineData(true, "ask", "-MiG")]
    [InlineData(false, "ask", "-MiG and the Sabre")]
    public void IsUnknownOption_AfterDoubleDash_IsAQuestion(bool expected, params string[] args)
    {
        var parse = new RootCommand { AskCommand.Create() }.Parse(args);

        Assert.Equal(expected, CliArguments.IsUnknownOption(parse, args[^1]));
    }
}
