using System.Text.Json.Nodes;
using HonchoBot.Slack.Tests.Fakes;

namespace HonchoBot.Slack.Tests.Moderation;

/// <summary>A signed payload whose response_url is off Slack's hosts: nothing is sent there, and it is not an error.</summary>
public sealed class UntrustedResponseUrlTests
{
    [Fact]
    public async Task A_delete_shortcut_with_a_response_url_off_slack_is_refused_quietly()
    {
        var logs = new CapturingLoggerProvider();
        await using var fake = await FakeSlack.StartAsync();
        await using var bot = await SlackBot.StartAsync(fake, logs: logs);
        await fake.WaitForMethodAsync("auth.test");
        var payload = new JsonObject
        {
            ["type"] = "message_action",
            ["callback_id"] = "honcho_delete",
            ["channel"] = new JsonObject { ["id"] = "C0CHAN01" },
            ["user"] = new JsonObject { ["id"] = "U0USER01" },
            ["message"] = new JsonObject { ["ts"] = "1700000070.000100", ["bot_id"] = FakeSlack.BotId },
            ["response_url"] = "http://169.254.169.254/latest/meta-data/",
        };

        var response = await bot.PostSignedAsync("/slack/interactivity", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded");

        response.EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => logs.Lines.Any(l => l.Contains("untrusted_host", StringComparison.Ordinal)), "the refused reply to be logged");
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("untrusted_host", StringComparison.Ordinal));
    }
}
