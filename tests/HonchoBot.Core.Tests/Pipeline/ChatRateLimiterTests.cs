using System.Globalization;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HonchoBot.Core.Tests.Pipeline;

public sealed class ChatRateLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    private ChatRateLimiter Limiter(int perUser = 10, int perChannel = 30) =>
        new(Options.Create(new RateLimitOptions { PerUserPerMinute = perUser, PerChannelPerMinute = perChannel }), _time);

    private static QuestionOrigin Asker(string user, string channel = "C1") => new("slack", "slack:T1", channel, user);

    [Fact]
    public void TryAcquire_OverThePerUserLimit_IsRefusedUntilATokenRefills()
    {
        var limiter = Limiter(perUser: 2);

        Assert.True(limiter.TryAcquire(Asker("U1")));
        Assert.True(limiter.TryAcquire(Asker("U1")));
        Assert.False(limiter.TryAcquire(Asker("U1")));
        Assert.True(limiter.TryAcquire(Asker("U2")));

        _time.Advance(TimeSpan.FromSeconds(30)); // 2 per minute: one token back every 30 s
        Assert.True(limiter.TryAcquire(Asker("U1")));
        Assert.False(limiter.TryAcquire(Asker("U1")));
    }

    [Fact]
    public void TryAcquire_ManyDistinctAskers_ForgetsThemOnceTheirBucketsHaveRefilled()
    {
        var limiter = Limiter();
        for (var i = 0; i < 31_000; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            Assert.True(limiter.TryAcquire(Asker("U" + id, "C" + id)));
        }

        Assert.Equal(62_000, limiter.TrackedCount);

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(limiter.TryAcquire(Asker("U-late")));

        // Only the asker and channel just used are left: every other bucket had refilled to full.
        Assert.Equal(2, limiter.TrackedCount);
    }

    [Fact]
    public void TryAcquire_AFloodOfDistinctAskersWithinAMinute_StaysBounded()
    {
        var limiter = Limiter();
        for (var i = 0; i < ChatRateLimiter.MaxTracked + 5_000; i++)
        {
            limiter.TryAcquire(new QuestionOrigin("discord", null, null, "U" + i.ToString(CultureInfo.InvariantCulture)));
            _time.Advance(TimeSpan.FromTicks(1));
        }

        Assert.InRange(limiter.TrackedCount, 1, ChatRateLimiter.MaxTracked);
    }

    [Fact]
    public void Release_AfterABusyRefusal_GivesTheAskersTokenBack()
    {
        var limiter = Limiter(perUser: 1);

        Assert.True(limiter.TryAcquire(Asker("U1")));
        limiter.Release(Asker("U1"));

        Assert.True(limiter.TryAcquire(Asker("U1")));
        Assert.False(limiter.TryAcquire(Asker("U1")));
    }

    [Fact]
    public void TryAcquire_ChannelExhausted_DoesNotSpendTheAskersToken()
    {
        var limiter = Limiter(perUser: 1, perChannel: 1);
        Assert.True(limiter.TryAcquire(Asker("U1", "C1")));

        Assert.False(limiter.TryAcquire(Asker("U2", "C1")));

        Assert.True(limiter.TryAcquire(Asker("U2", "C2")));
    }

    [Fact]
    public void TryAcquire_Cli_IsNeverLimited()
    {
        var limiter = Limiter(perUser: 1, perChannel: 1);

        Assert.All(Enumerable.Range(0, 5), _ => Assert.True(limiter.TryAcquire(QuestionOrigin.Cli)));
        Assert.Equal(0, limiter.TrackedCount);
    }
}
