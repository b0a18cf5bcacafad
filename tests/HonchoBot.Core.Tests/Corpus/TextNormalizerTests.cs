using HonchoBot.Core.Corpus;

namespace HonchoBot.Core.Tests.Corpus;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData(new[] { 'a', '\uD800', 'b' }, "a\uFFFDb")]
    [InlineData(new[] { 'a', '\uDC00' }, "a\uFFFD")]
    [InlineData(new[] { '\uD83D', '\uDE00', '\uD800' }, "\U0001F600\uFFFD")]
    public void Normalize_LoneSurrogate_BecomesTheReplacementCharacter(char[] text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(new string(text)));

    [Fact]
    public void Normalize_WellFormedText_KeepsItsPairs() =>
        Assert.Equal("MiG-15 \U0001F600", TextNormalizer.Normalize("ＭｉＧ－１５ \U0001F600"));
}
