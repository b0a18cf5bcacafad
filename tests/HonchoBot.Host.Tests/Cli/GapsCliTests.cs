using System.Text.Json;

namespace HonchoBot.Host.Tests.Cli;

/// <summary><c>honcho gaps</c>: what <c>honcho chat</c> could not answer shows up, in text and in the JSON contract.</summary>
public sealed class GapsCliTests : IDisposable
{
    private const string Unanswerable = "What is the best recipe for plum dumplings?";
    private readonly HonchoProcess _honcho = new();

    public void Dispose() => _honcho.Dispose();

    [Fact]
    public async Task After_an_unanswerable_question_in_chat_gaps_lists_it()
    {
        var chat = await _honcho.RunAsync(Unanswerable + "\n" + Unanswerable.ToLowerInvariant() + "\n\n", "chat");
        Assert.True(chat.ExitCode == 0, chat.ToString());

        var text = await _honcho.RunAsync(null, "gaps");
        var json = await _honcho.RunAsync(null, "gaps", "--json", "--days", "7");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("2× \"", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("plum dumplings", text.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("2 unanswered", text.Stdout, StringComparison.Ordinal);

        Assert.True(json.ExitCode == 0, json.ToString());
        var line = Assert.Single(json.StdoutLines);
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        Assert.Equal(["since", "days", "community", "questions", "groups"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(7, root.GetProperty("days").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("community").ValueKind);
        Assert.Equal(2, root.GetProperty("questions").GetInt32());
        var group = Assert.Single(root.GetProperty("groups").EnumerateArray().ToList());
        Assert.Equal(
            ["example", "count", "unanswered", "downVoted", "wrongSource", "missingAnswer", "terms", "lastAsked"],
            group.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, group.GetProperty("count").GetInt32());
        Assert.Equal(2, group.GetProperty("unanswered").GetInt32());
        Assert.Equal(0, group.GetProperty("downVoted").GetInt32());
        Assert.Contains("dumpl", group.GetProperty("example").GetString()!, StringComparison.Ordinal);
        Assert.NotEmpty(group.GetProperty("terms").EnumerateArray());
    }

    [Fact]
    public async Task Another_community_sees_no_gaps_from_the_console()
    {
        await _honcho.RunAsync(Unanswerable + "\n\n", "chat");

        var run = await _honcho.RunAsync(null, "gaps", "--json", "--community", "discord:1");

        using var document = JsonDocument.Parse(run.Stdout);
        Assert.Equal("discord:1", document.RootElement.GetProperty("community").GetString());
        Assert.Empty(document.RootElement.GetProperty("groups").EnumerateArray());
    }

    [Fact]
    public async Task With_recording_switched_off_chat_leaves_no_question_behind()
    {
        var off = new Dictionary<string, string> { ["Questions__Record"] = "false" };
        await _honcho.RunAsync(Unanswerable + "\n\n", off, "chat");

        var run = await _honcho.RunAsync(null, off, "gaps");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No unanswered or down-voted questions.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("not recorded", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_honcho.DataPath, "questions")));
    }

    [Theory]
    [InlineData("--days 0 is out of range", "--days", "0")]
    [InlineData("--days 4000 is out of range", "--days", "4000")]
    [InlineData("--max 0 is out of range", "--max", "0")]
    [InlineData("--days must be a number", "--days", "week")]
    public async Task Bad_arguments_exit_2_with_one_line(string because, params string[] args)
    {
        var run = await _honcho.RunAsync(null, ["gaps", .. args]);

        Assert.True(run.ExitCode == 2, because + "\n" + run);
        Assert.StartsWith("honcho: ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }
}
