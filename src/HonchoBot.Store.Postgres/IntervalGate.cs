namespace HonchoBot.Store.Postgres;

/// <summary>
/// Lets one caller through at most once per interval in this process, without a lock: the housekeeping sweeps
/// run on request paths, and only the caller that wins the interval does the work.
/// </summary>
internal sealed class IntervalGate(TimeSpan interval)
{
    private long _lastTicks;

    /// <summary>True for the one caller that finds the interval elapsed at <paramref name="now"/>; it starts the next one.</summary>
    public bool TryEnter(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastTicks);
        return now.UtcTicks - last >= interval.Ticks && Interlocked.CompareExchange(ref _lastTicks, now.UtcTicks, last) == last;
    }
}
