using System.Net;
using HonchoBot.Discord.Gateway;
using HonchoBot.Discord.Tests.Fakes;
using HonchoBot.Slack.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace HonchoBot.Host.Tests.Serve;

/// <summary>
/// Issue 7, "Done when": <c>honcho serve</c> with the fixture corpus and the strict fake Discord and Slack
/// servers from the adapter tests answers on both platforms at once, from the real index.
/// </summary>
public sealed class EndToEndTests
{
    private const string Question = "How many MiG-15s did the Sabre pilots claim?";

    private static string Corpus => Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpus");

    /// <summary>Short gateway timings so reconnects and identify pacing take milliseconds.</summary>
    internal static GatewayTimings FastGateway() => new()
    {
        ReconnectBase = TimeSpan.FromMilliseconds(20),
        ReconnectCap = TimeSpan.FromMilliseconds(200),
        IdentifyWindow = TimeSpan.FromMilliseconds(50),
        InvalidSessionMin = TimeSpan.FromMilliseconds(10),
        InvalidSessionMax = TimeSpan.FromMilliseconds(50),
        HelloTimeout = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public async Task Serve_with_the_fake_Discord_and_Slack_answers_a_mention_on_each_at_the_same_time_with_citations_from_the_real_index()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var slack = await FakeSlack.StartAsync();
        var settings = BothFakes(discord, slack);
        settings["Server:Workers"] = "2";
        await using var server = await RunningServer.StartAsync(Corpus, settings, s => s.AddSingleton(FastGateway()));

        // Ready means: index built, the gateway identified and Socket Mode connected (docs/architecture.md).
        await server.WaitUntilReadyAsync();
        var readyz = await server.Client.GetStringAsync("/readyz");
        Assert.Contains("\"discord\"", readyz, StringComparison.Ordinal);
        Assert.Contains("\"slack\"", readyz, StringComparison.Ordinal);
        await discord.Gateway.WaitUntilAsync(() => discord.Gateway.Connections.Count > 0 && discord.Gateway.Current.IsIdentified, "the gateway to identify");
        var socket = await slack.WaitForSocketAsync(0);

        // Both platforms deliver their mention at the same moment.
        var mention = Payloads.Message($"<@{FakeDiscord.BotUserId}> {Question}", [FakeDiscord.BotUserId]);
        var deliverDiscord = discord.Gateway.DispatchAsync("MESSAGE_CREATE", mention);
        var deliverSlack = socket.SendEnvelopeAsync("events_api", SlackPayloads.AppMention("Ev0E2E0001", $"<@{FakeSlack.BotUserId}> {Question}", "1700000100.000100"));
        await Task.WhenAll(deliverDiscord, deliverSlack);
        var ack = await socket.WaitForAckAsync(await deliverSlack);
        Assert.Equal(await deliverSlack, ack.GetProperty("envelope_id").GetString());

        var waitDiscord = discord.WaitForRequestsAsync(r => r.Method == "POST" && r.Path == $"/channels/{Payloads.ChannelId}/messages", what: "the Discord reply", timeout: Wait.HangGuard);
        var waitSlack = slack.WaitForMethodAsync("chat.postMessage", timeout: Wait.HangGuard);
        await Task.WhenAll(waitDiscord, waitSlack);

        // Discord: a reply to the mention, with an embed quoting the cited passage.
        var reply = discord.Requests.Single(r => r.Method == "POST" && r.Path == $"/channels/{Payloads.ChannelId}/messages").Json!;
        Assert.Equal(mention["id"]!.GetValue<string>(), reply["message_reference"]!["message_id"]!.GetValue<string>());
        var embed = reply["embeds"]![0]!.ToJsonString();
        Assert.Contains("792", embed, StringComparison.Ordinal);
        Assert.Contains("milwaukeeindependent.com", embed, StringComparison.Ordinal);

        // Slack: an answer in the mention's thread, with the same excerpt and its source link.
        var post = await waitSlack;
        Assert.Equal("1700000100.000100", post.Get("thread_ts"));
        var blocks = post.BlockText();
        Assert.Contains("792", blocks, StringComparison.Ordinal);
        Assert.Contains("<https://milwaukeeindependent.com/?p=209954|", blocks, StringComparison.Ordinal);

        using (var health = await server.Client.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        Assert.Empty(discord.Violations);
        Assert.Empty(slack.Violations);
    }

    [Fact]
    public async Task On_shutdown_serve_closes_the_Discord_gateway_with_a_resumable_code_and_Socket_Mode_from_its_side()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var slack = await FakeSlack.StartAsync();
        await using var server = await RunningServer.StartAsync(Corpus, BothFakes(discord, slack), s => s.AddSingleton(FastGateway()));
        await server.WaitUntilReadyAsync();
        await discord.Gateway.WaitUntilAsync(() => discord.Gateway.Connections.Count > 0 && discord.Gateway.Current.IsIdentified, "the gateway to identify");
        var socket = await slack.WaitForSocketAsync(0);
        var gatewayConnection = discord.Gateway.Current.Index;

        await server.StopAsync(TimeSpan.FromSeconds(20));

        // Slack: the client starts the close handshake itself (issue 7: "close Socket Mode cleanly").
        await socket.Closed.WaitAsync(Wait.HangGuard);
        Assert.True(socket.WasClosedByClient, "honcho should close the Socket Mode connection itself on shutdown");

        // Discord: a close frame with a code other than 1000/1001, which would end the session (docs/platform-protocols.md).
        await discord.Gateway.WaitUntilAsync(() => discord.Gateway.Events.Any(e => e.IsClose && e.Connection == gatewayConnection), "the gateway connection to close");
        var closed = discord.Gateway.Events.First(e => e.IsClose && e.Connection == gatewayConnection);
        Assert.True(closed.ClientCloseCode is not null, "the gateway connection was dropped without a close frame on shutdown");
        Assert.DoesNotContain(closed.ClientCloseCode!.Value, new[] { 1000, 1001 });
        Assert.Empty(discord.Violations);
        Assert.Empty(slack.Violations);
    }

    /// <summary>Both adapters pointed at the fakes, as their own test harnesses configure them.</summary>
    internal static Dictionary<string, string?> BothFakes(FakeDiscord discord, FakeSlack slack) => new()
    {
        ["Discord:Enabled"] = "true",
        ["Discord:Token"] = FakeDiscord.Token,
        ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
        ["Discord:GuildIds:0"] = Payloads.GuildId,
        ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
        ["Discord:GatewayUrl"] = discord.GatewayUrl,
        ["Slack:Enabled"] = "true",
        ["Slack:BotToken"] = FakeSlack.BotToken,
        ["Slack:AppToken"] = FakeSlack.AppToken,
        ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
    };
}
