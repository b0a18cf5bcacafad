using HonchoBot.Core.Conversations;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HonchoBot.Core.Tests.Conversations;

/// <summary>The conversation memory is bounded three ways, all on the fake clock: time-to-live, conversations, turns.</summary>
public sealed class ConversationMemoryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    private ConversationMemory Memory(int ttlMinutes = 30, int maxConversations = 100, int turns = 2) =>
        new(Options.Create(new ConversationOptions { TimeToLiveMinutes = ttlMinutes, MaxConversations = maxConversations, TurnsKept = turns }), _time);

    [Fact]
    public void Recall_WithinTimeToLive_ReturnsTheTurnsOldestFirst()
    {
        var memory = Memory();
        memory.Remember("c1", "first?", "first?");
        _time.Advance(TimeSpan.FromMinutes(5));
        memory.Remember("c1", "and second?", "Second question?");

        var turns = memory.Recall("c1");

        Assert.Equal(["first?", "and second?"], turns.Select(t => t.Asked));
        Assert.Equal("Second question?", turns[^1].Understood);
        Assert.Equal(_time.GetUtcNow(), turns[^1].At);
    }

    [Fact]
    public void Recall_AfterTimeToLiveSinceTheLastQuestion_IsEmpty()
    {
        var memory = Memory(ttlMinutes: 30);
        memory.Remember("c1", "q?", "q?");
        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.Single(memory.Recall("c1"));

        memory.Remember("c1", "q2?", "q2?");
        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(2, memory.Recall("c1").Count);

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(memory.Recall("c1"));
        Assert.Equal(0, memory.Count);
    }

    [Fact]
    public void Remember_PastTheCap_ForgetsTheConversationIdleLongest()
    {
        var memory = Memory(maxConversations: 3);
        foreach (var id in new[] { "a", "b", "c" })
        {
            memory.Remember(id, id, id);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        memory.Remember("a", "a again", "a again");
        memory.Remember("d", "d", "d");

        Assert.Equal(3, memory.Count);
        Assert.Empty(memory.Recall("b"));
        Assert.Equal(2, memory.Recall("a").Count);
        Assert.Single(memory.Recall("c"));
        Assert.Single(memory.Recall("d"));
    }

    [Fact]
    public void Remember_ManyConversations_NeverHoldsMoreThanTheCap()
    {
        var memory = Memory(maxConversations: 50);
        for (var i = 0; i < 1_000; i++)
        {
            memory.Remember($"c{i}", "q?", "q?");
        }

        Assert.Equal(50, memory.Count);
        Assert.Single(memory.Recall("c999"));
        Assert.Empty(memory.Recall("c0"));
    }

    [Fact]
    public void Remember_MoreTurnsThanKept_DropsTheOldest()
    {
        var memory = Memory(turns: 2);
        memory.Remember("c1", "one", "one");
        memory.Remember("c1", "two", "two");
        memory.Remember("c1", "three", "three");

        Assert.Equal(["two", "three"], memory.Recall("c1").Select(t => t.Asked));
    }

    [Fact]
    public void Forget_DropsTheConversationOnly()
    {
        var memory = Memory();
        memory.Remember("c1", "one", "one");
        memory.Remember("c2", "two", "two");

        memory.Forget("c1");

        Assert.Empty(memory.Recall("c1"));
        Assert.Single(memory.Recall("c2"));
    }
}
