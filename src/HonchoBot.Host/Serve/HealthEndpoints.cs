using HonchoBot.Core.Pipeline;
using HonchoBot.Core.Retrieval;

namespace HonchoBot.Host.Serve;

/// <summary><c>/healthz</c> (the process is alive) and <c>/readyz</c> (index ready, every enabled connection up or retrying).</summary>
internal static class HealthEndpoints
{
    public static void MapHonchoHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok"));
        endpoints.MapGet("/readyz", (IndexHost index, IndexStartupService startup, IEnumerable<IConnectionHealth> connections) =>
        {
            var report = Readiness.Check(index, startup, connections);
            return Results.Json(report, statusCode: report.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
    }
}

/// <summary>The <c>/readyz</c> body: what is and is not ready, and why.</summary>
internal sealed record Readiness(bool Ready, string Index, IReadOnlyList<ConnectionReport> Connections)
{
    public static Readiness Check(IndexHost index, IndexStartupService startup, IEnumerable<IConnectionHealth> connections)
    {
        var indexState = index.IsReady ? "ready" : startup.Failure is { } failure ? $"failed: {failure}" : "building";
        var reports = connections.Select(c => new ConnectionReport(c.Name, c.State.ToString().ToLowerInvariant(), c.Reason)).ToList();

        // Retrying counts as ready (DESIGN.md "Readiness"): the adapter is working on it; a fatal stop is not.
        var ready = index.IsReady && connections.All(c => c.State is ConnectionState.Connected or ConnectionState.Retrying);
        return new Readiness(ready, indexState, reports);
    }
}

internal sealed record ConnectionReport(string Name, string State, string? Reason);
