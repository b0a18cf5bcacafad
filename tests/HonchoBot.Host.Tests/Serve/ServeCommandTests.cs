using HonchoBot.Host.Tests.Cli;

namespace HonchoBot.Host.Tests.Serve;

/// <summary><c>honcho serve</c> as a child process: a bad configuration exits 2 naming the key, without a stack trace.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly HonchoProcess _honcho = new();

    public void Dispose() => _honcho.Dispose();

    [Fact]
    public async Task Serve_with_Slack_enabled_and_no_bot_token_exits_2_naming_Slack_BotToken()
    {
        var run = await _honcho.RunAsync(
            null,
            new Dictionary<string, string>
            {
                ["Slack__Enabled"] = "true",
                ["Slack__SigningSecret"] = "0123456789abcdef0123456789abcdef",
            },
            "serve",
            "--urls",
            "http://127.0.0.1:0");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Slack:BotToken", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef0123456789abcdef", run.Stderr + run.Stdout, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Serve_with_Discord_enabled_and_no_application_id_exits_2_naming_Discord_ApplicationId()
    {
        var run = await _honcho.RunAsync(
            null,
            new Dictionary<string, string>
            {
                ["Discord__Enabled"] = "true",
                ["Discord__Token"] = "MTEw.dummy.token-never-printed",
            },
            "serve",
            "--urls",
            "http://127.0.0.1:0");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Discord:ApplicationId", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("token-never-printed", run.Stderr + run.Stdout, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }
}
