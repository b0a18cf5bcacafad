namespace HonchoBot.Core.Pipeline;

/// <summary>A unit of answering work, run once by a worker.</summary>
/// <param name="Platform">Where the work came from (<see cref="ChatPlatform"/>): the <c>platform</c> tag of queue metrics.</param>
/// <param name="Description">For logs: e.g. "discord question"; never the question text.</param>
/// <param name="CorrelationId">Carried through logs from adapter to answer.</param>
/// <param name="RunAsync">The work; receives a scoped service provider and the shutdown token.</param>
/// <param name="OnShutdownAsync">Called instead of <paramref name="RunAsync"/> for work still queued when
/// shutdown times out, so the asker hears "shutting down" rather than silence.</param>
public sealed record QueuedWork(
    string Platform,
    string Description,
    string CorrelationId,
    Func<IServiceProvider, CancellationToken, Task> RunAsync,
    Func<CancellationToken, Task>? OnShutdownAsync = null);
