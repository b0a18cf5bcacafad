using HonchoBot.Core.Claims.Text;
using HonchoBot.Core.Tests.TestSupport;

namespace HonchoBot.Core.Tests.Claims;

/// <summary>
/// Passages are cut into tokens by a hand-written scanner. It must give exactly the tokens of the regex it replaced
/// (<see cref="TextTokens.TokenRegex"/>, still used for the lexicon's phrases), kinds included.
/// </summary>
public sealed class TextTokensScanTests
{
    [Theory]
    [InlineData("In 1950 the 64th IAK claimed 1,097 aircraft (about 72,000 sorties; 1.5 per day).")]
    [InlineData("Ch'ongch'on, Ch’ongch’on, pilots' and 'quoted', rock'n'roll, don't-stop, 1,2,3 and 1.. or 1,.2 or .5")]
    [InlineData("١٢ November, ＭｉＧ－１５, naïve café, e\u0301, 𝐀𝐁 and 😀, tabs\tand\u00A0spaces\u2028lines\u0085end")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("'")]
    [InlineData("1,")]
    [InlineData("a'")]
    public void Scan_AwkwardText_GivesTheRegexTokens(string text) => AssertSameAsRegex(text);

    [Fact]
    public void Scan_GeneratedText_GivesTheRegexTokens()
    {
        foreach (var text in RandomTexts.From("aZé1٣9.,'’ -\t\n\u00A0\u2028\u0085;(😀)\u0301", seed: 5, maxLength: 20))
        {
            AssertSameAsRegex(text);
        }
    }

    [Fact]
    public void Scan_ShippedCorpus_GivesTheRegexTokens()
    {
        var paragraphs = ShippedCorpus.Paragraphs();
        Assert.NotEmpty(paragraphs);
        foreach (var paragraph in paragraphs)
        {
            AssertSameAsRegex(paragraph);
        }
    }

    private static void AssertSameAsRegex(string text)
    {
        var expected = TextTokens.TokenRegex.Matches(text).Select(m => new Token(m.Index, m.Index + m.Length, KindOf(text[m.Index])));
        Assert.Equal(expected, TextTokens.Scan(text));
    }

    private static TokenKind KindOf(char first) =>
        char.IsDigit(first) ? TokenKind.Number : char.IsLetter(first) ? TokenKind.Word : TokenKind.Punct;
}
