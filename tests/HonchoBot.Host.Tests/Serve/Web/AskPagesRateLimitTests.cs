using System.Net;
using HonchoBot.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HonchoBot.Host.Tests.Serve.Web;

/// <summary>The <c>/ask</c> page past the per-address limit: a friendly page, not an error.</summary>
public sealed class AskPagesRateLimitTests
{
    [Fact]
    public async Task A_rate_limited_visitor_gets_a_friendly_429_page_with_retry_after()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var server = await RunningServer.StartAsync(
            Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpus"),
            new Dictionary<string, string?> { ["RateLimits:PerUserPerMinute"] = "1" },
            s => s.AddSingleton<IChatRateLimiter>(sp => new ChatRateLimiter(sp.GetRequiredService<IOptions<RateLimitOptions>>(), time)));
        await server.WaitUntilReadyAsync();

        var first = await AskPagesTests.GetPageAsync(server.Client, "/ask?q=Who+flew+the+MiG-15%3F");
        var (status, page, response) = await AskPagesTests.GetPageAsync(server.Client, "/ask?q=Who+flew+the+MiG-15%3F");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal((HttpStatusCode)429, status);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.RetryAfter?.Delta);
        Assert.Contains("wait a moment", page.Value, StringComparison.Ordinal);
        Assert.Single(page.Descendants("form"));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }
}
