using System.Collections.Concurrent;
using HonchoBot.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace HonchoBot.Discord.Tests.Fakes;

/// <summary>
/// A fake clock that also tells the test which waits the bot has started, so the test can advance time exactly
/// when every wait it cares about is registered, instead of sleeping and hoping.
/// </summary>
public sealed class WatchedClock() : FakeTimeProvider(DateTimeOffset.UtcNow)
{
    private readonly ConcurrentQueue<TimeSpan> _dueTimes = new();

    /// <summary>Pulsed on every new timer (every <c>Task.Delay</c> or timed <c>WaitAsync</c> on this clock).</summary>
    public Signal TimerStarted { get; } = new();

    /// <summary>How many timers were created with this due time.</summary>
    public int TimersDueIn(TimeSpan dueTime) => _dueTimes.Count(d => d == dueTime);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _dueTimes.Enqueue(dueTime);
        TimerStarted.Pulse();
        return timer;
    }
}
