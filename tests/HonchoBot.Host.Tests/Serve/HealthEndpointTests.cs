using System.Net;
using System.Text.Json;
using HonchoBot.Core.Pipeline;
using HonchoBot.Core.Retrieval;
using HonchoBot.Host.Serve;
using Microsoft.Extensions.DependencyInjection;

namespace HonchoBot.Host.Tests.Serve;

/// <summary><c>/healthz</c> and <c>/readyz</c> (docs/architecture.md).</summary>
public sealed class HealthEndpointTests
{
    private static string Corpus => Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpus");

    /// <summary>A connection whose state the test sets.</summary>
    private sealed class SettableConnection : IConnectionHealth
    {
        public string Name => "test-adapter";

        public ConnectionState State { get; set; } = ConnectionState.Connected;

        public string? Reason { get; set; }
    }

    /// <summary>Holds the index build until released (bounded), so "building" can be observed over HTTP.</summary>
    private sealed class GateAnnotator : IPassageAnnotator, IDisposable
    {
        public ManualResetEventSlim Gate { get; } = new();

        public string Version => "gate-1";

        public string? Annotate(string passageText)
        {
            Gate.Wait(Wait.HangGuard);
            return null;
        }

        public void Dispose() => Gate.Dispose();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyzAsync(RunningServer server)
    {
        using var response = await server.Client.GetAsync("/readyz");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }

    [Fact]
    public async Task Readiness_says_building_until_the_index_is_opened_and_ready_after()
    {
        var (app, root) = RunningServer.Build(Corpus);
        try
        {
            var index = app.Services.GetRequiredService<IndexHost>();
            var startup = app.Services.GetRequiredService<IndexStartupService>();

            var before = Readiness.Check(index, startup, []);
            Assert.False(before.Ready);
            Assert.Equal("building", before.Index);

            index.Open();
            var after = Readiness.Check(index, startup, []);
            Assert.True(after.Ready);
            Assert.Equal("ready", after.Index);

            // A ready index is not enough while an enabled connection has not connected yet.
            var starting = Readiness.Check(index, startup, [new SettableConnection { State = ConnectionState.Starting }]);
            Assert.False(starting.Ready);
        }
        finally
        {
            await app.DisposeAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Healthz_answers_at_once_and_readyz_is_503_building_until_the_index_is_ready_then_200()
    {
        using var gate = new GateAnnotator();
        await using var server = await RunningServer.StartAsync(Corpus, services: s => s.AddSingleton<IPassageAnnotator>(gate));
        try
        {
            using var health = await server.Client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);

            var (status, body) = await ReadyzAsync(server);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.False(body.GetProperty("ready").GetBoolean());
            Assert.Equal("building", body.GetProperty("index").GetString());
        }
        finally
        {
            gate.Gate.Set();
        }

        await server.WaitUntilReadyAsync();
        var (readyStatus, readyBody) = await ReadyzAsync(server);
        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal("ready", readyBody.GetProperty("index").GetString());
    }

    [Fact]
    public async Task Readyz_is_503_with_the_reason_while_an_adapter_is_stopped_fatally_and_200_while_it_retries()
    {
        var connection = new SettableConnection();
        await using var server = await RunningServer.StartAsync(Corpus, services: s => s.AddSingleton<IConnectionHealth>(connection));
        await server.WaitUntilReadyAsync();

        connection.State = ConnectionState.StoppedFatal;
        connection.Reason = "invalid_auth: the token was revoked";
        var (stopped, body) = await ReadyzAsync(server);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stopped);
        Assert.False(body.GetProperty("ready").GetBoolean());
        Assert.Equal("ready", body.GetProperty("index").GetString());
        var report = Assert.Single(body.GetProperty("connections").EnumerateArray());
        Assert.Equal("test-adapter", report.GetProperty("name").GetString());
        Assert.Equal("stopped", report.GetProperty("state").GetString());
        Assert.Equal("invalid_auth: the token was revoked", report.GetProperty("reason").GetString());

        connection.State = ConnectionState.Retrying;
        connection.Reason = "connection refused";
        var (retrying, retryBody) = await ReadyzAsync(server);
        Assert.Equal(HttpStatusCode.OK, retrying);
        Assert.Equal("retrying", retryBody.GetProperty("connections")[0].GetProperty("state").GetString());

        connection.State = ConnectionState.Starting;
        var (starting, _) = await ReadyzAsync(server);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, starting);
    }

    [Fact]
    public async Task Readyz_is_503_naming_the_failure_when_the_index_cannot_be_opened()
    {
        // The data directory path is an existing file: the index cannot be created there.
        var blocker = Path.Combine(Path.GetTempPath(), "honcho-not-a-dir-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(blocker, "not a directory");
        try
        {
            await using var server = await RunningServer.StartAsync(Corpus, new Dictionary<string, string?> { ["Data:Path"] = blocker });
            var startup = server.Services.GetRequiredService<IndexStartupService>();
            await Wait.UntilAsync(() => startup.Failure is not null, "the index start-up to fail");

            var (status, body) = await ReadyzAsync(server);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.StartsWith("failed: ", body.GetProperty("index").GetString(), StringComparison.Ordinal);
            using var health = await server.Client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public async Task Readyz_reports_vector_coverage_and_the_background_filler_completes_it()
    {
        await using var server = await RunningServer.StartAsync(Corpus, new Dictionary<string, string?> { ["Retrieval:Semantic"] = "true" });
        await server.WaitUntilReadyAsync();

        await Wait.UntilAsync(
            async () => (await ReadyzAsync(server)).Body.GetProperty("vectors").GetProperty("state").GetString() == "complete",
            "vectors complete",
            TimeSpan.FromSeconds(60));

        var (status, body) = await ReadyzAsync(server);
        Assert.Equal(HttpStatusCode.OK, status);
        var vectors = body.GetProperty("vectors");
        Assert.StartsWith("snowflake-arctic-embed-xs", vectors.GetProperty("model").GetString(), StringComparison.Ordinal);
        Assert.True(vectors.GetProperty("passages").GetInt32() > 20);
        Assert.Equal(vectors.GetProperty("passages").GetInt32(), vectors.GetProperty("embedded").GetInt32());
    }

    [Fact]
    public async Task Readyz_says_vectors_are_off_when_the_semantic_layer_is_off()
    {
        await using var server = await RunningServer.StartAsync(Corpus);
        await server.WaitUntilReadyAsync();

        var (_, body) = await ReadyzAsync(server);

        Assert.Equal("off", body.GetProperty("vectors").GetProperty("state").GetString());
    }
}
