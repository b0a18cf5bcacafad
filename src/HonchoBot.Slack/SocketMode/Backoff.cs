namespace HonchoBot.Slack.SocketMode;

/// <summary>
/// Capped exponential back-off with jitter: the n-th wait is uniformly between half and all of
/// min(cap, base·2ⁿ), so many replicas reconnecting after an outage do not arrive in step.
/// </summary>
public sealed class Backoff(TimeSpan initial, TimeSpan cap, Func<double> random)
{
    private int _attempt;

    public static Backoff Default() => new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), Random.Shared.NextDouble);

    public TimeSpan Next()
    {
        var ceiling = Math.Min(cap.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, Math.Min(_attempt, 30)));
        _attempt++;
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (random() * 0.5)));
    }

    public void Reset() => _attempt = 0;
}
