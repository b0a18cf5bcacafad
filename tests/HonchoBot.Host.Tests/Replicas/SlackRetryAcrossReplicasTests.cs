using System.Globalization;
using System.Text;
using HonchoBot.Host.Tests.Serve;
using HonchoBot.Slack.Tests.Fakes;
using HonchoBot.Tests.Shared;

namespace HonchoBot.Host.Tests.Replicas;

/// <summary>
/// Slack's Events API retries an event it thinks was not acknowledged, and behind a load balancer the retry may
/// reach another replica. In postgres mode the seen event ids are shared, so the retry is answered once.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class SlackRetryAcrossReplicasTests(PostgresCluster cluster)
{
    private const string EventId = "Ev0REPLICA01";

    [Fact]
    public async Task A_Slack_event_retried_to_the_other_replica_is_answered_once()
    {
        var database = cluster.CreateDatabase();
        await using var slack = await FakeSlack.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Slack__Enabled"] = "true",
            ["Slack__BotToken"] = FakeSlack.BotToken,
            ["Slack__SigningSecret"] = SlackBot.SigningSecret,
            ["Slack__ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Logging__LogLevel__HonchoBot.Slack.Events"] = "Debug",
        };
        await using var first = new ReplicaProcess(database, settings);
        await using var second = new ReplicaProcess(database, settings);
        first.Start();
        second.Start();
        await Task.WhenAll(first.WaitUntilReadyAsync(), second.WaitUntilReadyAsync());

        var body = SlackPayloads.AppMention(EventId, $"<@{FakeSlack.BotUserId}> Who flew from the Manchurian bases?", "1700000300.000100").ToJsonString();
        using (var delivered = await PostSignedAsync(first.Client, body, retry: null))
        {
            Assert.Equal(200, (int)delivered.StatusCode);
        }

        // The retry Slack sends when it missed the first acknowledgement, to the other replica.
        using (var retried = await PostSignedAsync(second.Client, body, retry: 1))
        {
            Assert.Equal(200, (int)retried.StatusCode);
        }

        await second.WaitForLineAsync(l => l.Contains("Ignoring a repeat of Slack event " + EventId, StringComparison.Ordinal), "the other replica to recognise the retry");
        RecordedCall answer;
        try
        {
            answer = await slack.WaitForMethodAsync("chat.postMessage", timeout: Wait.HangGuard);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + "\n--- first replica ---\n" + first.Log, e);
        }

        Assert.Equal("1700000300.000100", answer.Get("thread_ts"));
        Assert.DoesNotContain(first.Lines, l => l.Contains("Ignoring a repeat of Slack event", StringComparison.Ordinal));
        Assert.Single(slack.Calls, c => c.Method == "chat.postMessage" && c.Get("thread_ts") == "1700000300.000100");
    }

    private static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, string body, int? retry)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", Signing.Sign(SlackBot.SigningSecret, timestamp, body));
        if (retry is { } attempt)
        {
            request.Headers.Add("X-Slack-Retry-Num", attempt.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return client.SendAsync(request);
    }
}
