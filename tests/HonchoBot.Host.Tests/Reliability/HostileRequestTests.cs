using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using HonchoBot.Discord.Tests.Fakes;
using HonchoBot.Host.Tests.Serve;
using HonchoBot.Slack.Tests.Fakes;
using HonchoBot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace HonchoBot.Host.Tests.Reliability;

/// <summary>
/// <c>honcho serve</c> with both adapters' HTTP endpoints, against malformed and hostile requests on loopback
/// (<see cref="HostileRequests"/>): no answer is ever a 5xx, nothing is logged as an error, and the server is
/// still healthy afterwards. The status histogram goes to the test output (and to a report file on a full run).
/// </summary>
public sealed class HostileRequestTests(ITestOutputHelper output)
{
    private const int Concurrency = 4;

    /// <summary>
    /// Kestrel's own answer to a request line naming an HTTP version it does not speak (HTTP/9.9): sent before the
    /// request reaches any HonchoBot code, and no fault of the server. Counted in the histogram, allowed here.
    /// </summary>
    private const int HttpVersionNotSupported = 505;

    private static string Corpus => Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpus");

    [Fact]
    public async Task Hostile_requests_to_every_endpoint_never_get_a_5xx_nor_log_an_error()
    {
        var seed = ReliabilityRun.Seed;
        var perEndpoint = ReliabilityRun.FuzzPerEndpoint;
        output.WriteLine($"seed {seed.ToString(CultureInfo.InvariantCulture)} (HONCHO_RELIABILITY_SEED replays it), {perEndpoint} requests per endpoint");
        await using var discord = await FakeDiscord.StartAsync();
        await using var slack = await FakeSlack.StartAsync();
        var errors = new ErrorCapture();
        await using var server = await RunningServer.StartAsync(Corpus, Settings(discord, slack), s => s.AddSingleton<ILoggerProvider>(errors));
        await server.WaitUntilReadyAsync();
        var requests = new HostileRequests(new Random(seed), slack.NewResponseUrl, () => DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        var statuses = new ConcurrentDictionary<(string Endpoint, string Kind, int Status), int>();
        foreach (var endpoint in HostileRequests.Endpoints)
        {
            // Made in order from the seed, then sent a few at a time.
            var batch = Enumerable.Range(0, perEndpoint).Select(_ => requests.Next(endpoint)).ToList();
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (request, ct) =>
            {
                var status = await RawHttp.SendAsync(server.Client.BaseAddress!, request.Bytes, request.HalfClose, ct);
                statuses.AddOrUpdate((endpoint, request.Kind, status), 1, (_, n) => n + 1);
            });
        }

        var report = Histogram(statuses, seed, perEndpoint);
        output.WriteLine(report);
        ReliabilityRun.Report(report);
        foreach (var line in errors.Lines)
        {
            output.WriteLine(line);
        }

        Assert.DoesNotContain(statuses.Keys, k => k.Status >= 500 && !(k.Status == HttpVersionNotSupported && k.Kind == "malformed request line"));
        Assert.Empty(errors.Lines);
        using var health = await server.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static Dictionary<string, string?> Settings(FakeDiscord discord, FakeSlack slack) => new()
    {
        ["Discord:Enabled"] = "true",
        ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
        ["Discord:PublicKey"] = FakeDiscord.PublicKeyHex,
        ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
        ["Slack:Enabled"] = "true",
        ["Slack:BotToken"] = FakeSlack.BotToken,
        ["Slack:SigningSecret"] = SlackBot.SigningSecret,
        ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,

        // Refused signatures are Warnings by design; the console shows errors only, which must not happen.
        ["Logging:LogLevel:Default"] = "Error",
    };

    /// <summary>A Markdown table per endpoint (status counts) and per kind of request, for docs/reliability.md.</summary>
    private static string Histogram(ConcurrentDictionary<(string Endpoint, string Kind, int Status), int> statuses, int seed, int perEndpoint)
    {
        static string Name(int status) => status == 0 ? "closed" : status.ToString(CultureInfo.InvariantCulture);
        var codes = statuses.Keys.Select(k => k.Status).Distinct().Order().ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"hostile requests: seed {seed}, {perEndpoint} per endpoint, {statuses.Values.Sum()} in all\n\n");
        foreach (var (title, key) in new (string, Func<(string Endpoint, string Kind, int Status), string>)[] { ("endpoint", k => k.Endpoint), ("kind of request", k => k.Kind) })
        {
            text.Append(CultureInfo.InvariantCulture, $"| {title} | {string.Join(" | ", codes.Select(Name))} | total |\n");
            text.Append("|---|").Append(string.Concat(codes.Select(_ => "---:|"))).Append("---:|\n");
            foreach (var group in statuses.GroupBy(s => key(s.Key)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var counts = codes.Select(c => group.Where(g => g.Key.Status == c).Sum(g => g.Value).ToString(CultureInfo.InvariantCulture));
                text.Append(CultureInfo.InvariantCulture, $"| {group.Key} | {string.Join(" | ", counts)} | {group.Sum(g => g.Value)} |\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Keeps every line logged at Error or Critical, whatever its category.</summary>
    private sealed class ErrorCapture : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ErrorCapture owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Error)
                {
                    owner._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
                }
            }
        }
    }
}
