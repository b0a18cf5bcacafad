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
/// <param name="Vectors">How much of the library the semantic layer covers; missing vectors never make the service unready.</param>
internal sealed record Readiness(bool Ready, string Index, IReadOnlyList<ConnectionReport> Connections, VectorReport Vectors)
{
    public static Readiness Check(IndexHost index, IndexStartupService startup, IEnumerable<IConnectionHealth> connections)
    {
        var indexState = index.IsReady ? "ready" : startup.Failure is { } failure ? $"failed: {failure}" : "building";
        var reports = connections.Select(c => new ConnectionReport(c.Name, ReportedState(c.State), c.Reason)).ToList();

        // Retrying counts as ready (docs/architecture.md): the adapter is working on it; a fatal stop is not.
        var ready = index.IsReady && connections.All(c => ConnectionSnapshot.IsReadyState(c.State));
        return new Readiness(ready, indexState, reports, VectorReport.Of(index));
    }

    /// <summary>The four states <c>/readyz</c> has always reported: an adapter that needs no connection is "connected".</summary>
    private static string ReportedState(ConnectionState state) => state switch
    {
        ConnectionState.Connected or ConnectionState.HttpOnly or ConnectionState.Disabled => "connected",
        ConnectionState.Retrying => "retrying",
        ConnectionState.StoppedFatal => "stopped",
        _ => "starting",
    };
}

/// <summary>
/// Vector coverage: <c>off</c> (lexical only), <c>loading</c> (stored vectors being read after start),
/// <c>filling</c> (answers are lexical for passages without vectors while they are made in the background)
/// or <c>complete</c>.
/// </summary>
internal sealed record VectorReport(string State, string? Model, int Embedded, int Passages, double Coverage)
{
    public static VectorReport Of(IndexHost index)
    {
        var semantic = index.Semantic;
        if (!semantic.IsEnabled)
        {
            return new VectorReport("off", null, 0, 0, 0);
        }

        if (!semantic.IsAttached)
        {
            return new VectorReport("loading", semantic.ModelId, 0, 0, 0);
        }

        var coverage = semantic.Coverage;
        return new VectorReport(coverage.IsComplete ? "complete" : "filling", semantic.ModelId, coverage.Embedded, coverage.Passages, Math.Round(coverage.Share, 4));
    }
}

internal sealed record ConnectionReport(string Name, string State, string? Reason);
