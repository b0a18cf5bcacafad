using HonchoBot.Slack.WebApi;
using Microsoft.Extensions.Options;

namespace HonchoBot.Slack.Tests.WebApi;

public sealed class SlackHostPolicyTests
{
    private static SlackHostPolicy Policy(string apiBase = "https://slack.com/api/") =>
        new(Options.Create(new SlackOptions { ApiBaseUrl = apiBase }));

    [Theory]
    [InlineData("https://hooks.slack.com/commands/T1/2/3", true)]
    [InlineData("https://files.slack.com/files-pri/T1-F1/a.pdf", true)]
    [InlineData("wss://wss-primary.slack.com/link/?ticket=1", true)]
    [InlineData("https://slack.com/api/chat.postMessage", true)]
    [InlineData("http://files.slack.com/files-pri/T1-F1/a.pdf", false)]
    [InlineData("https://files.slack.com:8443/x", false)]
    [InlineData("https://evilslack.com/x", false)]
    [InlineData("https://slack.com.evil.example/x", false)]
    [InlineData("https://127.0.0.1/x", false)]
    [InlineData("file:///etc/passwd", false)]
    public void IsTrusted_SlackHostsOverTlsOnly(string url, bool expected) =>
        Assert.Equal(expected, Policy().IsTrusted(url));

    [Theory]
    [InlineData("http://127.0.0.1:5123/commands/T/1/2", true)]
    [InlineData("ws://127.0.0.1:5123/link/?ticket=1", true)]
    [InlineData("http://127.0.0.1:5124/commands/T/1/2", false)]
    [InlineData("http://localhost:5123/commands/T/1/2", false)]
    public void IsTrusted_TheConfiguredApiHostAndPort(string url, bool expected) =>
        Assert.Equal(expected, Policy("http://127.0.0.1:5123/api/").IsTrusted(url));
}
