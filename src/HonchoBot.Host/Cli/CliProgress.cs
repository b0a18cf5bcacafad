using HonchoBot.Core.Retrieval;

namespace HonchoBot.Host.Cli;

/// <summary>Index-build progress on stderr, at most a few lines a second, and only for long builds.</summary>
internal static class CliProgress
{
    public static IProgress<IndexProgress> ToStderr()
    {
        var last = DateTime.UtcNow;
        var started = last;
        return new SyncProgress(p =>
        {
            var now = DateTime.UtcNow;
            if ((now - started).TotalSeconds < 1 || ((now - last).TotalMilliseconds < 500 && p.Done != p.Total))
            {
                return;
            }

            last = now;
            Console.Error.WriteLine($"{p.Phase}: {p.Done}/{p.Total}");
        });
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress(Action<IndexProgress> report) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value) => report(value);
    }
}
