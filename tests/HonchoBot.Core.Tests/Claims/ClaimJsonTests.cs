using HonchoBot.Core.Claims;

namespace HonchoBot.Core.Tests.Claims;

public sealed class ClaimJsonTests
{
    [Fact]
    public void SerializeDeserialize_FoundingParagraph_RoundTripsEveryField()
    {
        var claims = ClaimTestKit.Extractor.Extract(ClaimTestKit.SeedParagraph(ClaimTestKit.Sangha, 3));
        var json = ClaimJson.Serialize(claims);

        var back = ClaimJson.Deserialize(json);

        Assert.Equal(claims.Count, back.Count);
        for (var i = 0; i < claims.Count; i++)
        {
            Assert.Equal(claims[i] with { Cues = [] }, back[i] with { Cues = [] });
            Assert.Equal(claims[i].Scope, back[i].Scope);
            Assert.Equal(claims[i].Cues, back[i].Cues);
        }

        Assert.Equal(json, ClaimJson.Serialize(back));
    }

    [Fact]
    public void Serialize_DefaultsAndEmptyLists_AreLeftOut()
    {
        var json = ClaimJson.Serialize([new Claim { Start = 1, End = 5, Value = "792", Low = 792, High = 792 }]);

        Assert.Equal("""{"v":2,"c":[{"s":1,"e":5,"v":"792","lo":792,"hi":792}]}""", json);
    }

    [Fact]
    public void Serialize_NoClaims_IsStillVersioned()
    {
        var json = ClaimJson.Serialize([]);

        Assert.Equal("""{"v":2}""", json);
        Assert.Empty(ClaimJson.Deserialize(json));
    }

    [Theory]
    [InlineData("""{"v":1,"c":[]}""", "version 1")]
    [InlineData("not json", "not valid claim JSON")]
    [InlineData("", "empty")]
    public void TryDeserialize_BadInput_ReturnsFalseWithAReason(string json, string reason)
    {
        Assert.False(ClaimJson.TryDeserialize(json, out var claims, out var error));
        Assert.Empty(claims);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => ClaimJson.Deserialize(json));
    }
}
