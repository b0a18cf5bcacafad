using System.Collections.Concurrent;
using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Tests.Fakes;
using HonchoBot.Slack.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace HonchoBot.Host.Tests.Serve;

/// <summary>The bounded question queue of <c>honcho serve</c>: "busy" when full, and a draining shutdown.</summary>
public sealed class QueueAndShutdownTests
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(15);

    private static string Corpus => Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpus");

    /// <summary>Work that holds the only worker until released (bounded, so a failing test cannot hang).</summary>
    private sealed class Blocker
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public QueuedWork Work => new("test", "test blocker", "corr-blocker", async (_, _) =>
        {
            Started.TrySetResult();
            // Deliberately deaf to the shutdown token: it stands for an answer that takes long to finish.
            await Release.Task.WaitAsync(Bounded, CancellationToken.None);
        });
    }

    /// <summary>Queued work that records whether it ran or was told "shutting down".</summary>
    private static QueuedWork Recorded(string name, ConcurrentQueue<string> ran, ConcurrentQueue<string> toldShutdown) => new(
        "test",
        "test " + name,
        "corr-" + name,
        (_, _) =>
        {
            ran.Enqueue(name);
            return Task.CompletedTask;
        },
        _ =>
        {
            toldShutdown.Enqueue(name);
            return Task.CompletedTask;
        });

    [Fact]
    public async Task A_full_queue_refuses_work_and_both_adapters_answer_busy_instead_of_staying_silent()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var slack = await FakeSlack.StartAsync();
        var settings = new Dictionary<string, string?>
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
            ["Server:QueueCapacity"] = "1",
            ["Server:Workers"] = "1",
            ["Server:ShutdownSeconds"] = "1",
        };
        await using var server = await RunningServer.StartAsync(Corpus, settings, s => s.AddSingleton(EndToEndTests.FastGateway()));
        await discord.Gateway.WaitUntilAsync(() => discord.Gateway.Connections.Count > 0 && discord.Gateway.Current.IsIdentified, "the gateway to identify");
        await server.WaitUntilReadyAsync();
        var socket = await slack.WaitForSocketAsync(0);

        var queue = server.Services.GetRequiredService<IQuestionQueue>();
        var blocker = new Blocker();
        var ran = new ConcurrentQueue<string>();
        var toldShutdown = new ConcurrentQueue<string>();
        try
        {
            Assert.True(queue.TryEnqueue(blocker.Work));
            await blocker.Started.Task.WaitAsync(Bounded);
            Assert.True(queue.TryEnqueue(Recorded("filler", ran, toldShutdown)), "one slot of capacity");
            Assert.False(queue.TryEnqueue(Recorded("overflow", ran, toldShutdown)), "the queue is bounded");
            Assert.Equal(1, queue.Depth);

            await discord.Gateway.DispatchAsync("MESSAGE_CREATE", Payloads.Message($"<@{FakeDiscord.BotUserId}> How many MiG-15s did the Sabre pilots claim?", [FakeDiscord.BotUserId]));

            await discord.WaitForRequestsAsync(r => r.Method == "POST" && r.Path == $"/channels/{Payloads.ChannelId}/messages", what: "the busy reply");
            var reply = discord.Requests.Single(r => r.Method == "POST" && r.Path == $"/channels/{Payloads.ChannelId}/messages");
            Assert.Contains("try again", reply.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("792", reply.Body, StringComparison.Ordinal);

            var envelope = await socket.SendEnvelopeAsync("events_api", SlackPayloads.AppMention("Ev0BUSY0001", $"<@{FakeSlack.BotUserId}> How many MiG-15s did the Sabre pilots claim?", "1700000300.000100"));
            await socket.WaitForAckAsync(envelope);
            var busy = await slack.WaitForMethodAsync("chat.postEphemeral");
            Assert.Equal("U0USER01", busy.Get("user"));
            Assert.Contains("try again", busy.Get("text") + busy.BlockText(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(slack.Calls, c => c.Method == "chat.postMessage");
        }
        finally
        {
            blocker.Release.TrySetResult();
        }

        await Wait.UntilAsync(() => ran.Contains("filler"), "the queued filler to run once the worker is free");
        Assert.DoesNotContain("overflow", ran);
        Assert.Empty(discord.Violations);
        Assert.Empty(slack.Violations);
    }

    [Fact]
    public async Task Shutdown_stops_taking_work_and_runs_every_item_queued_before_it()
    {
        var (app, root) = RunningServer.Build(Corpus, new Dictionary<string, string?>
        {
            ["Server:Workers"] = "1",
            ["Server:QueueCapacity"] = "16",
            ["Server:ShutdownSeconds"] = "10",
        });
        try
        {
            await app.StartAsync();
            var queue = app.Services.GetRequiredService<IQuestionQueue>();
            var blocker = new Blocker();
            var ran = new ConcurrentQueue<string>();
            var toldShutdown = new ConcurrentQueue<string>();
            Assert.True(queue.TryEnqueue(blocker.Work));
            await blocker.Started.Task.WaitAsync(Bounded);
            foreach (var name in new[] { "q1", "q2", "q3" })
            {
                Assert.True(queue.TryEnqueue(Recorded(name, ran, toldShutdown)));
            }

            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var stopping = app.StopAsync(stopTimeout.Token);

            // Work offered after shutdown began is refused (probes that slipped in before are queued work too).
            var probes = 0;
            await Wait.UntilAsync(() => !queue.TryEnqueue(Recorded("probe" + Interlocked.Increment(ref probes), ran, toldShutdown)), "the queue to stop taking work");
            blocker.Release.TrySetResult();
            await stopping.WaitAsync(Bounded);

            Assert.Equal(["q1", "q2", "q3"], ran.Where(n => n.StartsWith('q')));
            Assert.Empty(toldShutdown);
            Assert.Equal(probes - 1, ran.Count(n => n.StartsWith("probe", StringComparison.Ordinal)));
        }
        finally
        {
            await app.DisposeAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task When_the_shutdown_grace_runs_out_queued_items_are_told_shutting_down_instead_of_silence()
    {
        var (app, root) = RunningServer.Build(Corpus, new Dictionary<string, string?>
        {
            ["Server:Workers"] = "1",
            ["Server:QueueCapacity"] = "16",
            ["Server:ShutdownSeconds"] = "1",
        });
        var blocker = new Blocker();
        try
        {
            await app.StartAsync();
            var queue = app.Services.GetRequiredService<IQuestionQueue>();
            var ran = new ConcurrentQueue<string>();
            var toldShutdown = new ConcurrentQueue<string>();
            Assert.True(queue.TryEnqueue(blocker.Work));
            await blocker.Started.Task.WaitAsync(Bounded);
            Assert.True(queue.TryEnqueue(Recorded("late1", ran, toldShutdown)));
            Assert.True(queue.TryEnqueue(Recorded("late2", ran, toldShutdown)));

            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var stopping = app.StopAsync(stopTimeout.Token);
            await Wait.UntilAsync(() => toldShutdown.Count == 2, "both queued items to be told 'shutting down'");
            blocker.Release.TrySetResult();
            await stopping.WaitAsync(Bounded);

            Assert.Equal(["late1", "late2"], toldShutdown);
            Assert.Empty(ran);
            Assert.Equal(0, queue.Depth);
        }
        finally
        {
            blocker.Release.TrySetResult();
            await app.DisposeAsync();
            Directory.Delete(root, recursive: true);
        }
    }
}
