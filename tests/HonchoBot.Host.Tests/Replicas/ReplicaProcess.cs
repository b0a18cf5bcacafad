using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using HonchoBot.Host.Tests.Cli;
using HonchoBot.Host.Tests.Serve;

namespace HonchoBot.Host.Tests.Replicas;

/// <summary>
/// One <c>honcho serve</c> replica as a child process of the built <c>honcho.dll</c>: its own data directory, a
/// free loopback port, <c>Store:Provider=postgres</c> on the given database, and every stderr line kept so a test
/// can wait for what the replica says it did. It can be killed (SIGKILL, no shutdown) and started again on the
/// same data directory.
/// </summary>
internal sealed class ReplicaProcess : IAsyncDisposable
{
    private readonly HonchoProcess _home = new();
    private readonly Dictionary<string, string> _environment;
    private readonly ConcurrentQueue<string> _lines = new();
    private Process? _process;
    private HttpClient? _client;

    public ReplicaProcess(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        _environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Store__Provider"] = "postgres",
            ["Store__ConnectionString"] = connectionString,
            ["Logging__LogLevel__Default"] = "Information",
            ["Server__ShutdownSeconds"] = "2",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _environment[key] = value;
        }
    }

    /// <summary>Every line the replica has written to stderr or stdout so far, over all its runs.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    public HttpClient Client => _client ?? throw new InvalidOperationException("the replica has not been started");

    public string Log => string.Join('\n', _lines);

    /// <summary>Starts (or starts again) <c>honcho serve</c> on a free port.</summary>
    public void Start()
    {
        var port = ClosedPort.Get();
        _client?.Dispose();
        _client = new HttpClient { BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")), Timeout = Wait.HangGuard };
        _process = _home.Start(_environment, "serve", "--urls", _client.BaseAddress.ToString().TrimEnd('/'));
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        _process.StandardInput.Close();
    }

    /// <summary>Waits until <c>/readyz</c> answers 200 (the index is open and caught up with the store).</summary>
    public Task WaitUntilReadyAsync() =>
        Wait.UntilAsync(
            async () =>
            {
                try
                {
                    using var response = await Client.GetAsync("/readyz");
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            "the replica to be ready",
            onTimeout: () => Log);

    /// <summary>Waits until the replica has written a line that matches.</summary>
    public Task WaitForLineAsync(Func<string, bool> match, string what) =>
        Wait.UntilAsync(() => Task.FromResult(_lines.Any(match)), what, onTimeout: () => Log);

    /// <summary>The status of <c>GET path</c> on this replica.</summary>
    public async Task<int> StatusOfAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        return (int)response.StatusCode;
    }

    /// <summary>Kills the process at once (no graceful shutdown, no final commit) and waits for it to be gone.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        _client?.Dispose();
        _home.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
