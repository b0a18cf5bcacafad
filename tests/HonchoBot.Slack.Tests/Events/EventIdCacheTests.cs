using HonchoBot.Slack.Events;
using Microsoft.Extensions.Time.Testing;

namespace HonchoBot.Slack.Tests.Events;

public sealed class EventIdCacheTests
{
    [Fact]
    public void TryMarkNew_RepeatWithinTenMinutes_IsADuplicate()
    {
        var time = new FakeTimeProvider();
        var cache = new EventIdCache(time);

        Assert.True(cache.TryMarkNew("Ev1"));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(cache.TryMarkNew("Ev1"));
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.False(cache.TryMarkNew("Ev1"));
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.False(cache.TryMarkNew("Ev1"));
    }

    [Fact]
    public void TryMarkNew_AfterTheTtl_IsForgotten()
    {
        var time = new FakeTimeProvider();
        var cache = new EventIdCache(time);

        Assert.True(cache.TryMarkNew("Ev1"));
        time.Advance(EventIdCache.Ttl);
        Assert.True(cache.TryMarkNew("Ev1"));
        Assert.True(EventIdCache.Ttl >= TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void TryMarkNew_IsBounded()
    {
        var cache = new EventIdCache(new FakeTimeProvider());
        for (var i = 0; i <= EventIdCache.Capacity; i++)
        {
            cache.TryMarkNew("Ev" + i);
        }

        // The oldest id was evicted to stay within capacity; the newest is remembered.
        Assert.True(cache.TryMarkNew("Ev0"));
        Assert.False(cache.TryMarkNew("Ev" + EventIdCache.Capacity));
    }
}
