using HonchoBot.Core.Net;

namespace HonchoBot.Core.Tests.Net;

public sealed class BackoffTests
{
    [Fact]
    public void Next_GrowsExponentiallyUpToTheCap()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), () => 1.0);
        var waits = Enumerable.Range(0, 9).Select(_ => backoff.Next().TotalSeconds).ToList();
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], waits);
    }

    [Fact]
    public void Next_IsJitteredBetweenHalfAndAllOfTheCeiling()
    {
        var low = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), () => 0.0);
        low.Next();
        low.Next();
        Assert.Equal(2, low.Next().TotalSeconds);

        var random = new Random(42);
        var jittered = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), random.NextDouble);
        for (var i = 0; i < 5; i++)
        {
            jittered.Next();
        }

        var sixth = jittered.Next().TotalSeconds;
        Assert.InRange(sixth, 16, 32);
    }

    [Fact]
    public void Reset_StartsAgainFromTheInitialWait()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), () => 1.0);
        backoff.Next();
        backoff.Next();
        backoff.Reset();
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next());
    }
}
