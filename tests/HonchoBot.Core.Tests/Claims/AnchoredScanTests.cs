using System.Text.RegularExpressions;
using HonchoBot.Core.Claims.Text;
using HonchoBot.Core.Tests.TestSupport;

namespace HonchoBot.Core.Tests.Claims;

/// <summary>
/// Dates and days are found by trying their regex only where a preposition, a month, a year or a day number
/// starts. That must find exactly the matches, with the same groups, that a scan of the whole text finds.
/// </summary>
public sealed class AnchoredScanTests
{
    public static TheoryData<string> DateTexts() =>
    [
        "In 1950, by mid-1951, from 1950 to 1953, 1951–53, since June 1951 and until Aug. 1952; the summer of 1952.",
        "On 25 August 1954, Aug. 25, 1954, November 12, the 3rd of March, 1st June, 12th Nov 1951 and 05 May 1950.",
        "Ｎｏｖ 12 and ١٢ November (other digits), İn 1951, KELVIN \u212A 1951, 19511, 1950s, x1951, 1951x, 2099, 1499.",
        "during the spring of 1951 and throughout 1951-52; early 1951, late 1952; before 1953 and after 1950.",
        "may 1951 may be a date; MAY 1951; Dec. 1950 through Jan. 1951; 1950 and 1951; 31 December 1950.",
        "",
        "no dates here at all, only 64th IAK and 12 aircraft",
    ];

    [Theory]
    [MemberData(nameof(DateTexts))]
    public void Matches_DateTexts_AreTheScansMatches(string text) => AssertSameAsScan(text);

    [Fact]
    public void Matches_ShippedCorpusAndSeedPassages_AreTheScansMatches()
    {
        var texts = ShippedCorpus.Paragraphs()
            .Concat(ClaimTestKit.SeedParagraphs(ClaimTestKit.Sangha))
            .ToList();
        Assert.True(texts.Count > 20);
        var found = texts.Sum(AssertSameAsScan);
        Assert.True(found > 30, $"only {found} dates found");
    }

    private static int AssertSameAsScan(string text)
    {
        var lexicon = ClaimTestKit.Lexicon;
        var words = TextWords.Of(text, lexicon.FirstWords);
        var count = 0;
        foreach (var scan in new[] { lexicon.Dates, lexicon.DayDates })
        {
            var expected = Describe(scan.Scan.Matches(text));
            var actual = Describe(scan.Matches(text, words));
            Assert.Equal(expected, actual);
            count += expected.Count;
        }

        return count;
    }

    private static List<string> Describe(IEnumerable<Match> matches) =>
        [.. matches.Select(m => $"{m.Index}:{m.Length}:" + string.Join('|', m.Groups.Values.Where(g => g.Success).Select(g => $"{g.Name}={g.Index},{g.Length}")))];
}
