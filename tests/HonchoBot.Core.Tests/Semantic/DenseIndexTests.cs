using HonchoBot.Core.Semantic;

namespace HonchoBot.Core.Tests.Semantic;

public sealed class DenseIndexTests
{
    private const int Dimensions = 4;

    private static QuantizedVector V(params float[] values)
    {
        var norm = MathF.Sqrt(values.Sum(v => v * v));
        return QuantizedVector.From([.. values.Select(v => v / norm)]);
    }

    private static readonly HashSet<string> NoneHidden = [];

    [Fact]
    public void Search_ReturnsTheNearestFirst()
    {
        var index = new DenseIndex(Dimensions);
        index.Add("a#0", "a", null, V(1, 0, 0, 0));
        index.Add("b#0", "b", null, V(0.6f, 0.8f, 0, 0));
        index.Add("c#0", "c", null, V(0, 0, 1, 0));

        var hits = index.Search(V(1, 0.1f, 0, 0), null, NoneHidden, 2);

        Assert.Equal(["a#0", "b#0"], hits.Select(h => h.PassageId));
        Assert.True(hits[0].Score > hits[1].Score);
        Assert.InRange(hits[0].Score, 0.98, 1.0);
    }

    [Fact]
    public void Search_SeesTheGlobalLibraryAndItsOwnCommunityOnly_AndNothingHidden()
    {
        var index = new DenseIndex(Dimensions);
        index.Add("global#0", "global", null, V(1, 0, 0, 0));
        index.Add("ours#0", "ours", "discord:1", V(1, 0.01f, 0, 0));
        index.Add("theirs#0", "theirs", "discord:2", V(1, 0.02f, 0, 0));

        Assert.Equal(["global#0"], index.Search(V(1, 0, 0, 0), null, NoneHidden, 10).Select(h => h.PassageId));
        Assert.Equal(["global#0", "ours#0"], index.Search(V(1, 0, 0, 0), "discord:1", NoneHidden, 10).Select(h => h.PassageId));
        Assert.Equal(["ours#0"], index.Search(V(1, 0, 0, 0), "discord:1", new HashSet<string> { "global" }, 10).Select(h => h.PassageId));
    }

    [Fact]
    public void RemoveSource_ItsPassagesAreNoLongerFound()
    {
        var index = new DenseIndex(Dimensions);
        index.Add("a#0", "a", null, V(1, 0, 0, 0));
        index.Add("a#1", "a", null, V(1, 0.1f, 0, 0));
        index.Add("b#0", "b", null, V(0, 1, 0, 0));

        index.RemoveSource("a");

        Assert.Equal(1, index.Count);
        Assert.Equal(["b#0"], index.Search(V(1, 0, 0, 0), null, NoneHidden, 10).Select(h => h.PassageId));
    }

    [Fact]
    public void Add_SamePassageAgain_ReplacesItsVector()
    {
        var index = new DenseIndex(Dimensions);
        index.Add("a#0", "a", null, V(1, 0, 0, 0));

        index.Add("a#0", "a", null, V(0, 1, 0, 0));

        var hit = Assert.Single(index.Search(V(0, 1, 0, 0), null, NoneHidden, 10));
        Assert.InRange(hit.Score, 0.98, 1.0);
    }

    [Fact]
    public void ManyAddsAndRemoves_GrowAndCompactWithoutLosingLivePassages()
    {
        var index = new DenseIndex(Dimensions);
        for (var source = 0; source < 40; source++)
        {
            for (var p = 0; p < 1000; p++)
            {
                index.Add($"s{source}#{p}", $"s{source}", null, p == 500 ? V(0, 0, 0, 1) : V(source + 1, p + 1, 1, 0));
            }
        }

        for (var source = 0; source < 39; source++)
        {
            index.RemoveSource($"s{source}");
        }

        Assert.Equal(1000, index.Count);
        var hits = index.Search(V(0, 0, 0, 1), null, NoneHidden, 5);
        Assert.Equal(5, hits.Count);
        Assert.All(hits, h => Assert.StartsWith("s39#", h.PassageId, StringComparison.Ordinal));
        Assert.Equal("s39#500", hits[0].PassageId);
    }
}
