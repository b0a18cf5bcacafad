using System.Net;
using System.Text.Json;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HonchoBot.Host.Tests.Serve.Web;

/// <summary>
/// <c>GET /api/ask</c> on a real Kestrel: the JSON contract of <c>honcho ask --json</c>, through the chat pipeline, with
/// its refusals as HTTP statuses (400 invalid, 429 rate limited, 503 busy) and never a 500.
/// </summary>
public sealed class AskApiTests
{
    private const string Question = "How many MiG-15s did the Sabre pilots claim?";

    private static readonly string[] ContractFields = ["question", "status", "message", "citations", "disagreements", "elapsedMs"];

    private static string Corpus => Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpus");

    private static async Task<(HttpStatusCode Status, JsonElement Json, HttpResponseMessage Response)> AskAsync(HttpClient client, string query, Action<HttpRequestMessage>? adjust = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/ask" + query);
        adjust?.Invoke(request);
        var response = await client.SendAsync(request);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain('\n', body);
        using var document = JsonDocument.Parse(body);
        var json = document.RootElement.Clone();
        Assert.Equal(ContractFields, json.EnumerateObject().Select(p => p.Name));
        return (response.StatusCode, json, response);
    }

    private static string Query(string question) => "?q=" + Uri.EscapeDataString(question);

    /// <summary>A rate limiter on a clock that never moves, so no token refills while the test runs.</summary>
    private static Action<IServiceCollection> FrozenLimits(FakeTimeProvider time) =>
        s => s.AddSingleton<IChatRateLimiter>(sp => new ChatRateLimiter(sp.GetRequiredService<IOptions<RateLimitOptions>>(), time));

    [Fact]
    public async Task A_question_gets_the_json_contract_with_cited_excerpts_from_the_global_library()
    {
        await using var server = await RunningServer.StartAsync(Corpus);
        await server.WaitUntilReadyAsync();

        var (status, json, response) = await AskAsync(server.Client, Query(Question));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Question, json.GetProperty("question").GetString());
        Assert.Equal("answered", json.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("message").ValueKind);
        var citations = json.GetProperty("citations").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        Assert.Contains(citations, c => c.GetProperty("excerpt").GetString()!.Contains("792", StringComparison.Ordinal));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Null(response.Headers.RetryAfter);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?q=")]
    [InlineData("?q=%20%20%09")]
    [InlineData("?question=How+many")]
    public async Task A_missing_or_empty_question_is_400_invalid(string query)
    {
        await using var server = await RunningServer.StartAsync(Corpus);

        var (status, json, _) = await AskAsync(server.Client, query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid", json.GetProperty("status").GetString());
        Assert.Equal(QuestionRules.EmptyMessage, json.GetProperty("message").GetString());
        Assert.Empty(json.GetProperty("citations").EnumerateArray());
    }

    [Fact]
    public async Task A_question_over_the_length_limit_or_given_twice_is_400_invalid_with_the_reason()
    {
        await using var server = await RunningServer.StartAsync(Corpus);

        var (longStatus, longJson, _) = await AskAsync(server.Client, Query(new string('a', HonchoBot.Core.Answers.Question.MaxLength + 1)));
        var (twiceStatus, twiceJson, _) = await AskAsync(server.Client, "?q=one&q=two");

        Assert.Equal(HttpStatusCode.BadRequest, longStatus);
        Assert.Equal("invalid", longJson.GetProperty("status").GetString());
        Assert.Contains("2,000", longJson.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, twiceStatus);
        Assert.Equal("invalid", twiceJson.GetProperty("status").GetString());
        Assert.Contains("once", twiceJson.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_the_per_address_limit_the_answer_is_429_rate_limited_with_retry_after()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var server = await RunningServer.StartAsync(Corpus, new Dictionary<string, string?> { ["RateLimits:PerUserPerMinute"] = "2" }, FrozenLimits(time));
        await server.WaitUntilReadyAsync();

        var first = await AskAsync(server.Client, Query(Question));
        var second = await AskAsync(server.Client, Query("Who commanded the 64th Fighter Aviation Corps?"));
        var third = await AskAsync(server.Client, Query(Question));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal((HttpStatusCode)429, third.Status);
        Assert.Equal("rate_limited", third.Json.GetProperty("status").GetString());
        Assert.Equal(TimeSpan.FromSeconds(30), third.Response.Headers.RetryAfter?.Delta);

        // A forged X-Forwarded-For does not buy a fresh bucket when no proxy is trusted.
        var forged = await AskAsync(server.Client, Query(Question), r => r.Headers.Add("X-Forwarded-For", "198.51.100.7"));
        Assert.Equal((HttpStatusCode)429, forged.Status);

        // Once a token has refilled, the same address is answered again.
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await AskAsync(server.Client, Query(Question))).Status);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var settings = new Dictionary<string, string?>
        {
            ["RateLimits:PerUserPerMinute"] = "1",
            ["Web:TrustedProxies:0"] = "127.0.0.1",
        };
        await using var server = await RunningServer.StartAsync(Corpus, settings, FrozenLimits(time));
        await server.WaitUntilReadyAsync();

        Action<HttpRequestMessage> From(string chain) => r => r.Headers.Add("X-Forwarded-For", chain);
        var a = await AskAsync(server.Client, Query(Question), From("203.0.113.5"));
        var aAgain = await AskAsync(server.Client, Query(Question), From("203.0.113.5"));

        // The client can put anything on the left; the hop the proxy saw is the right-most one.
        var aSpoofing = await AskAsync(server.Client, Query(Question), From("192.0.2.99, 203.0.113.5"));
        var b = await AskAsync(server.Client, Query(Question), From("203.0.113.6"));

        Assert.Equal(HttpStatusCode.OK, a.Status);
        Assert.Equal((HttpStatusCode)429, aAgain.Status);
        Assert.Equal((HttpStatusCode)429, aSpoofing.Status);
        Assert.Equal(HttpStatusCode.OK, b.Status);
    }

    [Fact]
    public async Task A_full_queue_is_503_busy_with_retry_after_and_the_question_does_not_count_against_the_asker()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Server:QueueCapacity"] = "1",
            ["Server:Workers"] = "1",
            ["RateLimits:PerUserPerMinute"] = "1",
        };
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var server = await RunningServer.StartAsync(Corpus, settings, FrozenLimits(time));
        await server.WaitUntilReadyAsync();
        var queue = server.Services.GetRequiredService<IQuestionQueue>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            Assert.True(queue.TryEnqueue(new QueuedWork("test", "test blocker", "corr-blocker", async (_, _) =>
            {
                started.TrySetResult();
                await release.Task.WaitAsync(Wait.HangGuard, CancellationToken.None);
            })));
            await started.Task.WaitAsync(Wait.HangGuard);
            Assert.True(queue.TryEnqueue(new QueuedWork("test", "test filler", "corr-filler", (_, _) => Task.CompletedTask)));

            var busy = await AskAsync(server.Client, Query(Question));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.Status);
            Assert.Equal("busy", busy.Json.GetProperty("status").GetString());
            Assert.Equal(TimeSpan.FromSeconds(5), busy.Response.Headers.RetryAfter?.Delta);
        }
        finally
        {
            release.TrySetResult();
        }

        // The busy refusal gave the token back: the one question a minute is still there.
        await Wait.UntilAsync(() => queue.Depth == 0, "the filler to leave the queue");
        Assert.Equal(HttpStatusCode.OK, (await AskAsync(server.Client, Query(Question))).Status);
    }

    [Fact]
    public async Task An_answering_failure_is_the_error_status_with_a_reference_never_a_500()
    {
        await using var server = await RunningServer.StartAsync(Corpus, services: s => s.AddSingleton<IQuestionAnswerer, ThrowingAnswerer>());
        await server.WaitUntilReadyAsync();

        var (status, json, _) = await AskAsync(server.Client, Query(Question));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("error", json.GetProperty("status").GetString());
        Assert.Contains("reference", json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ThrowingAnswerer.Secret, json.GetRawText(), StringComparison.Ordinal);
    }

    private sealed class ThrowingAnswerer : IQuestionAnswerer
    {
        public const string Secret = "internal detail the asker must not see";

        public Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken) => throw new InvalidOperationException(Secret);
    }
}
