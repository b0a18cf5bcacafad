using HonchoBot.Core.Answers;
using Microsoft.Extensions.DependencyInjection;

namespace HonchoBot.Host.Tests.Serve;

/// <summary>
/// OpenTelemetry's MeterListener is process-wide: while another host with a "HonchoBot" meter runs in this
/// test process, its instruments shadow ours. Metrics specs therefore run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(nameof(MetricsCollection), DisableParallelization = true)]
public sealed class MetricsCollection;

/// <summary><c>/metrics</c>: OpenTelemetry instruments in Prometheus text format.</summary>
[Collection(nameof(MetricsCollection))]
public sealed class MetricsEndpointTests
{
    private static string Corpus => Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpus");

    private static readonly (string, string)[] SlackAnswered = [("platform", "slack"), ("outcome", "answered")];

    [Fact]
    public async Task Metrics_show_honcho_questions_total_move_after_a_question_from_a_chat_platform()
    {
        await using var server = await RunningServer.StartAsync(Corpus);
        await server.WaitUntilReadyAsync();
        var before = await server.Client.GetStringAsync("/metrics");
        var answeredBefore = Prometheus.Sum(before, "honcho_questions_total", SlackAnswered);

        var answerer = server.Services.GetRequiredService<IQuestionAnswerer>();
        var origin = new QuestionOrigin("slack", "slack:T0TEAM01", "C0CHAN01", "U0USER01", "corr-metrics-1");
        var answer = await answerer.AnswerAsync(new Question("How many MiG-15s did the Sabre pilots claim?", origin), CancellationToken.None);
        Assert.Equal(AnswerStatus.Answered, answer.Status);

        // The exporter may serve a cached scrape for a moment: poll, bounded.
        var after = before;
        await Wait.UntilAsync(
            async () =>
            {
                after = await server.Client.GetStringAsync("/metrics");
                return Prometheus.Sum(after, "honcho_questions_total", SlackAnswered) > answeredBefore;
            },
            "honcho_questions_total{platform=\"slack\",outcome=\"answered\"} to move",
            onTimeout: () => after);

        Assert.Equal(answeredBefore + 1, Prometheus.Sum(after, "honcho_questions_total", SlackAnswered));
        Assert.Equal(0, Prometheus.Sum(after, "honcho_questions_total", ("platform", "discord")));
        Assert.Contains("# TYPE honcho_questions_total counter", after, StringComparison.Ordinal);
        Assert.True(Prometheus.Sum(after, "honcho_answer_duration_milliseconds_count", ("platform", "slack")) >= 1, after);
        Assert.Contains("honcho_queue_depth", after, StringComparison.Ordinal);
        Assert.Contains("service_name=\"honchobot\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown_service", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_count_rate_limit_refusals_and_full_queue_refusals_by_platform()
    {
        await using var server = await RunningServer.StartAsync(Corpus, new Dictionary<string, string?>
        {
            ["RateLimits:PerUserPerMinute"] = "1",
            ["Server:QueueCapacity"] = "1",
            ["Server:Workers"] = "1",
        });
        await server.WaitUntilReadyAsync();

        var limiter = server.Services.GetRequiredService<HonchoBot.Core.Pipeline.IChatRateLimiter>();
        var origin = new QuestionOrigin("discord", "discord:1", "C1", "U1");
        Assert.True(limiter.TryAcquire(origin));
        Assert.False(limiter.TryAcquire(origin));

        var queue = server.Services.GetRequiredService<HonchoBot.Core.Pipeline.IQuestionQueue>();
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        Assert.True(queue.TryEnqueue(new HonchoBot.Core.Pipeline.QueuedWork("slack", "slack question", "c1", async (_, _) =>
        {
            started.TrySetResult();
            await release.Task;
        })));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(queue.TryEnqueue(new HonchoBot.Core.Pipeline.QueuedWork("slack", "slack question", "c2", (_, _) => Task.CompletedTask)));
        Assert.False(queue.TryEnqueue(new HonchoBot.Core.Pipeline.QueuedWork("slack", "slack question", "c3", (_, _) => Task.CompletedTask)));
        release.SetResult();

        var text = string.Empty;
        await Wait.UntilAsync(
            async () =>
            {
                text = await server.Client.GetStringAsync("/metrics");
                return Prometheus.Sum(text, "honcho_ratelimit_refusals_total", ("platform", "discord")) >= 1
                    && Prometheus.Sum(text, "honcho_queue_full_total", ("platform", "slack")) >= 1;
            },
            "rate-limit and queue-full counters to move",
            onTimeout: () => text);
    }
}
