using System.Collections.Concurrent;
using HonchoBot.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Tests.Pipeline;

public sealed class QuestionWorkerServiceTests
{
    [Fact]
    public async Task RunAsync_WorkLogsALine_TheLinesScopePrintsItsCorrelationId()
    {
        var logs = new ScopeCapture();
        var services = new ServiceCollection().AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)).BuildServiceProvider();
        var queue = new QuestionQueue(Options.Create(new QueueOptions()));
        var worker = new QuestionWorkerService(queue, services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new QueueOptions { Workers = 1 }),
            TimeProvider.System, services.GetRequiredService<ILogger<QuestionWorkerService>>());
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await worker.StartAsync(CancellationToken.None);

        Assert.True(queue.TryEnqueue(new QueuedWork("test", "test work", "corr-1234", (sp, _) =>
        {
            sp.GetRequiredService<ILogger<QuestionWorkerServiceTests>>().LogInformation("answering");
            ran.SetResult();
            return Task.CompletedTask;
        })));
        await ran.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await worker.StopAsync(CancellationToken.None);

        // What the simple console format prints for a scope is its ToString().
        var scope = Assert.Single(logs.ScopesOf("answering"));
        Assert.Equal("correlation corr-1234", scope);
    }

    /// <summary>Records each line's scopes as the simple console formatter would print them.</summary>
    private sealed class ScopeCapture : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConcurrentQueue<(string Message, string Scopes)> _lines = new();
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public IEnumerable<string> ScopesOf(string message) => _lines.Where(l => l.Message == message).Select(l => l.Scopes);

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(ScopeCapture owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scopes = new List<string>();
                owner._scopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? string.Empty), scopes);
                owner._lines.Enqueue((formatter(state, exception), string.Join(" => ", scopes)));
            }
        }
    }
}
