namespace HonchoBot.Tests.Shared;

/// <summary>
/// Wakes waiters whenever something was recorded, so a test waits for a condition by re-checking it on each
/// change, never by sleeping. The timeout is only a guard that turns a hung test into a failure naming what
/// never happened; it is not an expectation of how long anything takes.
/// </summary>
public sealed class Signal
{
    /// <summary>Long enough that only a hung test reaches it, even on a loaded machine.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly Lock _lock = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Pulse()
    {
        TaskCompletionSource previous;
        lock (_lock)
        {
            previous = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, re-checking it on every pulse (and, when
    /// <paramref name="recheck"/> is given, also after that much quiet, for conditions with no pulse of their own).
    /// Throws <see cref="TimeoutException"/> naming <paramref name="what"/> if the hang guard fires.
    /// </summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? hangGuard = null, TimeSpan? recheck = null)
    {
        using var guard = new CancellationTokenSource(hangGuard ?? HangGuard);
        while (true)
        {
            Task next;
            lock (_lock)
            {
                next = _next.Task;
            }

            if (condition())
            {
                return;
            }

            try
            {
                await (recheck is { } quiet ? Task.WhenAny(next, Task.Delay(quiet, guard.Token)) : next).WaitAsync(guard.Token);
            }
            catch (OperationCanceledException) when (guard.IsCancellationRequested)
            {
                if (condition())
                {
                    return;
                }

                throw new TimeoutException($"Never happened: {what}");
            }
        }
    }
}
