namespace HonchoBot.Host.Tests.Cli;

/// <summary><c>honcho chat</c> as an operator pipes it: one session is one conversation, and <c>/new</c> starts another.</summary>
public sealed class ChatFollowUpCliTests : IDisposable
{
    private readonly HonchoProcess _honcho = new();

    public void Dispose() => _honcho.Dispose();

    /// <summary>Stdout cut at each prompt: [0] is the banner, then one part per line typed.</summary>
    private static string[] Turns(HonchoRun run) => run.Stdout.Split("> ", StringSplitOptions.None);

    [Fact]
    public async Task Piping_the_planes_question_then_and_how_many_pilots_quotes_120_pilots()
    {
        var run = await _honcho.RunAsync("How many planes did the Soviet air force lose?\nand how many pilots?\n", "chat");

        Assert.True(run.ExitCode == 0, run.ToString());
        var turns = Turns(run);
        Assert.True(turns.Length >= 3, run.ToString());
        Assert.Contains("(following up: How many pilots did the Soviet air force lose?)", turns[2], StringComparison.Ordinal);
        Assert.Contains("120 pilots", turns[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_starts_a_fresh_conversation_so_the_next_question_stands_alone()
    {
        var run = await _honcho.RunAsync("How many planes did the Soviet air force lose?\n/new\nand how many pilots?\n", "chat");

        Assert.True(run.ExitCode == 0, run.ToString());
        var turns = Turns(run);
        Assert.True(turns.Length >= 4, run.ToString());
        Assert.Contains("New conversation", turns[2], StringComparison.Ordinal);
        Assert.DoesNotContain("following up", turns[3], StringComparison.Ordinal);
        Assert.DoesNotContain("following up", run.Stdout, StringComparison.Ordinal);
    }
}
