using HonchoBot.Core.Corpus;

namespace HonchoBot.Core.Tests.Corpus;

public sealed class SourceIdsTests
{
    [Fact]
    public void FromTitle_LongTitle_IsCutBetweenWords()
    {
        var id = SourceIds.FromTitle("A Cold War Secret: Graves discovered of Russian pilots who flew MiG jets for North Korea during Korean War");

        Assert.Equal("a-cold-war-secret-graves-discovered-of-russian-pilots-who", id);
        Assert.True(id.Length <= 60);
    }

    [Fact]
    public void FromTitle_CutFallsOnADash_KeepsTheWholeLastWord() =>
        Assert.Equal("abcde-fghij", SourceIds.FromTitle("abcde fghij klmno", maxLength: 11));

    [Fact]
    public void FromTitle_OneWordLongerThanTheLimit_IsCutInside() =>
        Assert.Equal("abcdefghij", SourceIds.FromTitle("abcdefghijklmnop", maxLength: 10));

    [Fact]
    public void FromTitle_ShortTitle_IsUnchanged() =>
        Assert.Equal("the-keeper-s-storm-log", SourceIds.FromTitle("The Keeper's Storm Log"));
}
