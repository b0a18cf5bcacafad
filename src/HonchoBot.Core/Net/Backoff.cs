namespace HonchoBot.Core.Net;

/// <summary>
/// Capped exponential back-off with jitter, for every reconnect and retry (Discord gateway and REST, Slack
/// Socket Mode and start-up): the n-th wait (from 0) is uniformly between half and all of min(cap, initial·2ⁿ),
/// so many replicas reconnecting after an outage do not arrive in step.
/// </summary>
public sealed class Backoff(TimeSpan initial, TimeSpan cap, Func<double> random)
{
    private int _attempt;

    /// <summary>1 s doubling to a 60 s cap, with shared randomness.</summary>
    public static Backoff Default() => new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), Random.Shared.NextDouble);

    /// <summary>The wait before attempt <paramref name="attempt"/> (0 for the first retry), without changing the count.</summary>
    public TimeSpan For(int attempt)
    {
        var ceiling = Math.Min(cap.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt, 0, 30)));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (random() * 0.5)));
    }

    /// <summary>The next wait; each call doubles the ceiling until <see cref="Reset"/>.</summary>
    public TimeSpan Next() => For(_attempt++);

    /// <summary>After a success: the next wait starts from the initial delay again.</summary>
    public void Reset() => _attempt = 0;
}
