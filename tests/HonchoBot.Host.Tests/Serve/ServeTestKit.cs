using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Host.Tests.Serve;

/// <summary>
/// Waiting for a condition of a real server, sleeping between checks (no busy loop). The timeout only turns a
/// hung test into a failure that names what never happened; it is not an expectation of how long anything takes.
/// </summary>
internal static class Wait
{
    /// <summary>Long enough that only a hung test reaches it, even on a loaded machine.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? HangGuard);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting for: " + what);
            }

            await Task.Delay(25);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, Func<string>? onTimeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? HangGuard);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting for: " + what + (onTimeout is null ? "" : "\n" + onTimeout()));
            }

            await Task.Delay(50);
        }
    }
}

/// <summary>A loopback port that was just bound and released: connections to it are refused.</summary>
internal static class ClosedPort
{
    public static int Get()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>One captured log line: its level and everything a console logger with scopes could print.</summary>
internal sealed record CapturedLine(LogLevel Level, string Category, string Text);

/// <summary>
/// Captures every log line at every level, with the values of the scopes it was written in, the raw
/// state (structured properties) and the exception, so a secret cannot hide in any part of a line.
/// </summary>
internal sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLine> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLine> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder();
            text.Append(formatter(state, exception)).Append(" | state: ").Append(Describe(state));
            owner._scopes.ForEachScope((scope, builder) => builder.Append(" | scope: ").Append(Describe(scope)), text);
            if (exception is not null)
            {
                text.Append(" | exception: ").Append(exception);
            }

            owner._lines.Enqueue(new CapturedLine(logLevel, category, text.ToString()));
        }

        private static string Describe(object? value) => value switch
        {
            null => "",
            IEnumerable<KeyValuePair<string, object?>> pairs => string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")),
            _ => value.ToString() ?? "",
        };
    }
}

/// <summary>Reads samples from a Prometheus text exposition.</summary>
internal static partial class Prometheus
{
    /// <summary>The sum of every sample of <paramref name="metric"/> whose labels include all of <paramref name="labels"/>.</summary>
    public static double Sum(string exposition, string metric, params (string Name, string Value)[] labels)
    {
        var total = 0.0;
        foreach (Match match in Sample().Matches(exposition))
        {
            if (match.Groups["name"].Value != metric)
            {
                continue;
            }

            var text = match.Groups["labels"].Value;
            if (labels.All(l => text.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal)))
            {
                total += double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>[^}]*)\})?\s+(?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
