using HonchoBot.Core.Claims;
using HonchoBot.Core.Claims.Kinds;

namespace HonchoBot.Core.Tests.Claims;

public sealed class ClaimKindsTests
{
    [Fact]
    public void Constructor_ShippedStrategies_CoverEveryKindOnce()
    {
        var kinds = new ClaimKinds(ClaimTestKit.Lexicon);

        Assert.Equal(Enum.GetValues<ClaimKind>().Order(), kinds.All.Select(k => k.Kind).Order());
        Assert.All(Enum.GetValues<ClaimKind>(), kind => Assert.Equal(kind, kinds.For(kind).Kind));
    }

    [Fact]
    public void Constructor_KindWithoutAStrategy_Throws()
    {
        var shipped = new ClaimKinds(ClaimTestKit.Lexicon).All;

        var error = Assert.Throws<InvalidOperationException>(() => new ClaimKinds([.. shipped.Skip(1)]));

        Assert.Contains(shipped[0].Kind.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TwoStrategiesForOneKind_Throws()
    {
        var shipped = new ClaimKinds(ClaimTestKit.Lexicon).All;

        Assert.Throws<InvalidOperationException>(() => new ClaimKinds([.. shipped, shipped[0]]));
    }

    [Fact]
    public void Compare_ClaimsOfDifferentKinds_AreUnrelated()
    {
        var kinds = new ClaimKinds(ClaimTestKit.Lexicon);

        var result = kinds.Compare(new Claim { Kind = ClaimKind.Quantity }, new Claim { Kind = ClaimKind.Event });

        Assert.Equal(PairVerdict.Unrelated, result.Verdict);
    }
}
