using System.Text.Json;

namespace HonchoBot.Host.Tests.Cli;

/// <summary>The honcho command line as a child process: stdout carries only answers, exit codes per docs/json-contract.md.</summary>
public sealed class HonchoCliTests : IDisposable
{
    private readonly HonchoProcess _honcho = new();

    public void Dispose() => _honcho.Dispose();

    private static JsonElement ParseObject(string line)
    {
        using var json = JsonDocument.Parse(line);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task Ask_json_prints_exactly_one_json_object_and_nothing_else_on_stdout()
    {
        // A fresh data directory: the index is built during this run, and any progress or log lines must go to stderr.
        var run = await _honcho.RunAsync(null, "ask", "--json", "How many MiGs did the Sabre pilots claim?");

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = Assert.Single(run.StdoutLines);
        var answer = ParseObject(line);
        Assert.Equal("How many MiGs did the Sabre pilots claim?", answer.GetProperty("question").GetString());
        Assert.Equal("answered", answer.GetProperty("status").GetString());
        var citations = answer.GetProperty("citations");
        Assert.InRange(citations.GetArrayLength(), 1, 3);
        Assert.Contains(citations.EnumerateArray(), c => c.GetProperty("excerpt").GetString()!.Contains("792", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Array, answer.GetProperty("disagreements").ValueKind);
        Assert.Equal(JsonValueKind.Number, answer.GetProperty("elapsedMs").ValueKind);
        Assert.True(Directory.Exists(Path.Combine(_honcho.DataPath, "index")), "the index lives in the --data directory");
    }

    [Fact]
    public async Task Ask_json_writes_non_ascii_text_as_utf8_without_escapes()
    {
        var run = await _honcho.RunAsync(null, "ask", "--json", "What did U.S. pilots call the MiG-15 pilots, “honchos”?");

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = Assert.Single(run.StdoutLines);
        Assert.DoesNotContain("\\u", line, StringComparison.Ordinal);
        Assert.Contains("“honchos”?", line, StringComparison.Ordinal);
        Assert.Contains("¶", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_json_dash_answers_each_stdin_line_in_order_and_a_blank_line_is_invalid()
    {
        var run = await _honcho.RunAsync(
            "Where were the Soviet pilots buried?\n\nwhat is the best pizza topping\n",
            "ask", "--json", "-");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, run.StdoutLines.Length);
        var answers = run.StdoutLines.Select(ParseObject).ToList();
        Assert.Equal(["Where were the Soviet pilots buried?", "", "what is the best pizza topping"], answers.Select(a => a.GetProperty("question").GetString()));
        Assert.Equal(["answered", "invalid", "no_answer"], answers.Select(a => a.GetProperty("status").GetString()));
        Assert.Equal(0, answers[1].GetProperty("citations").GetArrayLength());
        Assert.False(string.IsNullOrWhiteSpace(answers[1].GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Ask_json_dash_keeps_a_carriage_return_inside_a_line_as_one_question()
    {
        var run = await _honcho.RunAsync("How many MiGs\rdid the Sabre pilots claim?\r\nWho were the honchos?\n", "ask", "--json", "-");

        Assert.True(run.ExitCode == 0, run.ToString());
        var questions = run.StdoutLines.Select(ParseObject).Select(a => a.GetProperty("question").GetString()).ToList();
        Assert.Equal(["How many MiGs\rdid the Sabre pilots claim?", "Who were the honchos?"], questions);
    }

    [Fact]
    public async Task Ask_json_dash_with_hostile_lines_prints_one_object_per_line()
    {
        string[] lines = ["AND OR NOT (((", "*:*", "\"unbalanced", "🛩️✈️", "   ", "C:\\path\\MiG\\15"];
        var run = await _honcho.RunAsync(string.Join('\n', lines) + "\n", "ask", "--json", "-");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(lines.Length, run.StdoutLines.Length);
        var answers = run.StdoutLines.Select(ParseObject).ToList();
        Assert.Equal(lines, answers.Select(a => a.GetProperty("question").GetString()));
        Assert.All(answers, a => Assert.Contains(a.GetProperty("status").GetString(), new[] { "answered", "no_answer", "invalid" }));
        Assert.Equal("invalid", answers[4].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ask_without_json_prints_a_readable_answer_with_numbered_sources()
    {
        var run = await _honcho.RunAsync(null, "ask", "How many planes did the Soviet Airforce lose?");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("[1]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("335", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("The Sangha Kommune", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("https://thesanghakommune.org/", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ask", "--json", "question", "--bogus")]
    [InlineData("--bogus", "ask", "--json", "question")]
    [InlineData("ask", "--bogus", "question")]
    [InlineData("frobnicate")]
    [InlineData("ask")]
    public async Task A_usage_error_exits_2_with_a_message_on_stderr_and_nothing_on_stdout(params string[] args)
    {
        var run = await _honcho.RunAsync(null, args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("honcho: ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout.Trim());
    }

    [Fact]
    public async Task An_unknown_option_names_the_option_on_stderr()
    {
        var run = await _honcho.RunAsync(null, "ask", "--json", "question", "--bogus");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--bogus", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_in_place_of_the_question_is_a_usage_error_not_a_question()
    {
        // `honcho ask --json --bogus` must not answer the question "--bogus" with exit 0 (parse errors exit 2).
        var run = await _honcho.RunAsync(null, "ask", "--json", "--bogus");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--bogus", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout.Trim());
    }

    [Fact]
    public async Task Reading_stdin_without_json_is_a_usage_error()
    {
        var run = await _honcho.RunAsync("MiG\n", "ask", "-");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--json", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_corpus_directory_is_a_usage_error()
    {
        var run = await _honcho.RunAsync(null, "--corpus", Path.Combine(_honcho.Root, "nope"), "ask", "--json", "MiG");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("nope", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout.Trim());
    }

    [Fact]
    public async Task A_configured_corpus_directory_that_does_not_exist_is_a_configuration_error()
    {
        // Same rule as --corpus: a missing library is a configuration error (exit 2), not a bot that answers
        // no_answer to everything with exit 0.
        var run = await _honcho.RunAsync(null, new Dictionary<string, string> { ["Corpus__Paths__0"] = Path.Combine(_honcho.Root, "missing-corpus") }, "ask", "--json", "How many MiGs did the Sabre pilots claim?");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("missing-corpus", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout.Trim());
    }

    [Fact]
    public async Task Eval_on_a_small_question_file_prints_hit_at_3_and_the_other_figures()
    {
        var file = Path.Combine(_honcho.Root, "small.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"id":"a","q":"How many MiGs did the Sabre pilots claim?","expect":["792"]}""",
            """{"id":"b","q":"How many planes did the Soviet Airforce lose?","expect":["335 planes"]}""",
            """{"id":"c","q":"What is the best pizza topping?","offtopic":true}""",
            """{"id":"d","q":"AND OR NOT (((","hostile":true}""",
        ]);

        var run = await _honcho.RunAsync(null, "eval", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        var hit3 = Assert.Single(run.StdoutLines, l => l.StartsWith("hit@3", StringComparison.Ordinal));
        Assert.EndsWith("1.000", hit3, StringComparison.Ordinal);
        Assert.Contains(run.StdoutLines, l => l.StartsWith("hit@1", StringComparison.Ordinal));
        Assert.Contains(run.StdoutLines, l => l.StartsWith("MRR", StringComparison.Ordinal));
        Assert.Contains(run.StdoutLines, l => l.StartsWith("off-topic accuracy", StringComparison.Ordinal) && l.EndsWith("1.000", StringComparison.Ordinal));
        Assert.Contains(run.StdoutLines, l => l.StartsWith("latency ms", StringComparison.Ordinal) && l.Contains("p99", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Eval_below_a_requested_threshold_exits_1()
    {
        var file = Path.Combine(_honcho.Root, "miss.jsonl");
        await File.WriteAllLinesAsync(file, ["""{"q":"How many MiGs did the Sabre pilots claim?","expect":["a string that is in no source"]}"""]);

        var run = await _honcho.RunAsync(null, "eval", file, "--min-hit3", "0.5");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("hit@3", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_with_a_malformed_line_exits_2_naming_the_line()
    {
        var file = Path.Combine(_honcho.Root, "bad.jsonl");
        await File.WriteAllLinesAsync(file, ["""{"q":"fine"}""", "{not json"]);

        var run = await _honcho.RunAsync(null, "eval", file);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("line 2", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_builds_the_index_in_the_data_directory()
    {
        var run = await _honcho.RunAsync(null, "index");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Indexed 2 sources", run.Stdout, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_honcho.DataPath, "index"), "segments_*"));

        // A second run rebuilds again and still succeeds (no stale lock left behind).
        var again = await _honcho.RunAsync(null, "index");
        Assert.True(again.ExitCode == 0, again.ToString());
    }

    [Fact]
    public async Task While_another_process_owns_the_index_ask_answers_read_only_and_index_refuses()
    {
        var built = await _honcho.RunAsync(null, "index");
        Assert.True(built.ExitCode == 0, built.ToString());

        // Hold the owner lock the way a running `honcho serve` would (an exclusive lock on index.owner.lock).
        await File.WriteAllTextAsync(Path.Combine(_honcho.DataPath, "index.owner"), "process 424242 (honcho-serve-stand-in)");
        using (new FileStream(Path.Combine(_honcho.DataPath, "index.owner.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var ask = await _honcho.RunAsync(null, "ask", "--json", "How many MiGs did the Sabre pilots claim?");
            Assert.True(ask.ExitCode == 0, ask.ToString());
            Assert.Equal("answered", ParseObject(Assert.Single(ask.StdoutLines)).GetProperty("status").GetString());

            var index = await _honcho.RunAsync(null, "index");
            Assert.True(index.ExitCode == 1, index.ToString());
            Assert.Contains("424242", index.Stderr, StringComparison.Ordinal);
            Assert.Equal(string.Empty, index.Stdout.Trim());
        }

        var after = await _honcho.RunAsync(null, "index");
        Assert.True(after.ExitCode == 0, after.ToString());
    }

    [Fact]
    public async Task Sources_list_names_both_fixture_sources()
    {
        var run = await _honcho.RunAsync(null, "sources", "list");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("milwaukee-independent-mig-graves", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("sangha-kommune-soviet-casualties", run.Stdout, StringComparison.Ordinal);
    }
}
