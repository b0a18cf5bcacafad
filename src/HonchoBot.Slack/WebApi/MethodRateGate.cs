using System.Collections.Concurrent;

namespace HonchoBot.Slack.WebApi;

/// <summary>
/// Per-method pauses after a 429: "wait that long for that method+workspace only (other methods / workspaces
/// unaffected)" (docs/platform-protocols.md). One bot token = one workspace, so the key is the method.
/// </summary>
internal sealed class MethodRateGate(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _notBefore = new(StringComparer.Ordinal);

    public async Task WaitAsync(string method, CancellationToken cancellationToken)
    {
        while (_notBefore.TryGetValue(method, out var notBefore))
        {
            var wait = notBefore - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    public void Block(string method, TimeSpan wait)
    {
        var until = time.GetUtcNow() + wait;
        _notBefore.AddOrUpdate(method, until, (_, old) => old > until ? old : until);
    }
}
