using HonchoBot.Core.Retrieval;

namespace HonchoBot.Core.Tests.Retrieval;

public sealed class CommonWordsTests
{
    [Theory]
    [InlineData("happened")]
    [InlineData("big")]
    [InlineData("graves")]
    [InlineData("Quiet")]
    [InlineData("pilot's")]
    [InlineData("42")]
    [InlineData("3.5")]
    public void IsCommon_OrdinaryWordsAndPlainNumbers_AreCommon(string word) => Assert.True(CommonWords.IsCommon(word));

    [Theory]
    [InlineData("Luftwaffe")]
    [InlineData("falklands")]
    [InlineData("Pepelyayev")]
    [InlineData("1972")]
    [InlineData("1950s")]
    [InlineData("F-4")]
    [InlineData("mig21")]
    public void IsCommon_NamesYearsAndDesignators_AreNot(string word) => Assert.False(CommonWords.IsCommon(word));
}
