using System.Text.Json;

namespace HonchoBot.Host.Tests.Cli;

/// <summary><c>honcho sources …</c> end to end: each step is a new process over the same data directory.</summary>
public sealed class SourcesCliTests : IDisposable
{
    private const string Lighthouse =
        "The Skerryvore lighthouse keeper Marguerite Oyelaran kept a weather log for thirty-seven years. " +
        "Between 1921 and 1958 she recorded 412 severe storms on the island, more than any other keeper on that coast.";

    private const string Question = "How many severe storms did Marguerite Oyelaran record?";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "honcho-cli-tests", Guid.NewGuid().ToString("N"));

    public SourcesCliTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Task<CliProcess.Run> HonchoAsync(string? stdin, params string[] args) =>
        CliProcess.RunAsync(_root, stdin, ["--data", Path.Combine(_root, "data"), .. args]);

    private static IEnumerable<string?> CitedSources(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("sourceId").GetString());

    [Fact]
    public async Task A_source_added_with_the_cli_is_answered_by_the_next_ask_and_not_after_its_removal()
    {
        var add = await HonchoAsync(null, "sources", "add", "--text", Lighthouse, "--title", "Storm log", "--publisher", "Harbour Museum", "--json");
        Assert.Equal((0, "{\"id\":\"storm-log\",\"title\":\"Storm log\",\"passages\":1}\n", string.Empty), (add.ExitCode, add.Stdout, add.Stderr));

        var ask = await HonchoAsync(null, "ask", "--json", Question);
        Assert.Equal(0, ask.ExitCode);
        Assert.Equal("storm-log", CitedSources(ask.Stdout).First());

        var remove = await HonchoAsync(null, "sources", "remove", "storm-log");
        Assert.Equal((0, "Removed storm-log (\"Storm log\"); an operator can recover it.\n"), (remove.ExitCode, remove.Stdout));

        var after = await HonchoAsync(null, "ask", "--json", Question);
        Assert.Equal(0, after.ExitCode);
        Assert.DoesNotContain("storm-log", CitedSources(after.Stdout));

        var audit = await HonchoAsync(null, "sources", "audit", "--json");
        var entries = audit.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([("add", "done"), ("remove", "done")], entries.Select(e => (e.GetProperty("action").GetString(), e.GetProperty("outcome").GetString())));
        Assert.All(entries, e => Assert.Equal("cli", e.GetProperty("platform").GetString()));
    }

    [Fact]
    public async Task Text_from_stdin_is_added_and_listed_with_its_metadata()
    {
        var add = await HonchoAsync(Lighthouse, "sources", "add", "-", "--title", "Storm log", "--published", "1958");
        var list = await HonchoAsync(null, "sources", "list");
        var show = await HonchoAsync(null, "sources", "show", "storm-log");

        Assert.Equal((0, "storm-log\n"), (add.ExitCode, add.Stdout));
        Assert.Equal("Added \"Storm log\" as storm-log (1 passage).\n", add.Stderr);
        Assert.Contains($"storm-log\n    Storm log\n    unknown publisher, 1958; added by cli:{Environment.UserName} ", list.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("page 1 of 1 (3 sources)\n", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("Between 1921 and 1958 she recorded 412 severe storms", show.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_id_option_names_the_new_source()
    {
        var add = await HonchoAsync(null, "sources", "add", "--text", Lighthouse, "--title", "Storm log", "--id", "skerryvore-weather-log", "--json");

        Assert.Equal((0, "{\"id\":\"skerryvore-weather-log\",\"title\":\"Storm log\",\"passages\":1}\n"), (add.ExitCode, add.Stdout));
        Assert.True(File.Exists(Path.Combine(_root, "data", "sources", "skerryvore-weather-log.md")));
    }

    [Fact]
    public async Task Refusals_exit_1_with_their_message_and_usage_errors_exit_2()
    {
        var unsafeUrl = await HonchoAsync(null, "sources", "add", "http://169.254.169.254/latest/meta-data/");
        var shipped = await HonchoAsync(null, "sources", "remove", "sangha-kommune-soviet-casualties");
        var nothing = await HonchoAsync(null, "sources", "add");
        var missing = await HonchoAsync(null, "sources", "add", Path.Combine(_root, "missing.pdf"));

        Assert.Equal((1, string.Empty), (unsafeUrl.ExitCode, unsafeUrl.Stdout));
        Assert.StartsWith("honcho: Refused to fetch 169.254.169.254: it points at 169.254.169.254", unsafeUrl.Stderr, StringComparison.Ordinal);
        Assert.Equal((1, "honcho: sangha-kommune-soviet-casualties is a shipped source and cannot be removed; hide it instead.\n"), (shipped.ExitCode, shipped.Stderr));
        Assert.Equal((2, "honcho: sources add needs a FILE, a URL, - (text on stdin) or --text TEXT\n"), (nothing.ExitCode, nothing.Stderr));
        Assert.Equal(2, missing.ExitCode);
        Assert.EndsWith("missing.pdf: no such file\n", missing.Stderr, StringComparison.Ordinal);
    }
}
