using System.Reflection;
using HonchoBot.Core.Claims;
using HonchoBot.Core.Claims.Text;
using HonchoBot.Core.Tests.TestSupport;

namespace HonchoBot.Core.Tests.Claims;

/// <summary>
/// Term lists are matched by trying an anchored regex only where a term's first word starts, found either by the
/// list's own first words or through the lexicon's first-word index. Both must find exactly what one scan of the
/// whole text finds, for every list of the shipped lexicon and on awkward text.
/// </summary>
public sealed class TermMatcherTests
{
    public static TheoryData<string> AwkwardTexts() =>
    [
        "MiGs and MiG-15s, the MiG's pilots and the MiGs' guns; Sabres, F-86s and B-29s over MiG Alley.",
        "The U.S. Air Force, the USAF, the US and us; the Soviet Union's 64th IAK and the Soviets.",
        "Aces, ACES and an ace: 'kills', ‘victories’ and victory; no more than 10, not fewer than 12.",
        "In 1950 the in-the the–the; of the war, throughout 1951–53, during the summer, at the peak.",
        "Lüshun, Port Arthur and Dalian; Andong (Antung) and Ŝtrange Kelvin \u212Aills; KILLS; İstanbul.",
        "black Tuesday, Black Tuesday, BLACK TUESDAY; the Battle of the Ch'ongch'on and Operation Strangle.",
        "claimedclaims claimed‐claims claims-claimed xclaimed claimedx 7claims claims7",
        "",
        "s es 's ' - — – . , ; ...",
    ];

    [Theory]
    [MemberData(nameof(AwkwardTexts))]
    public void Find_AwkwardText_MatchesAScanOfTheWholeText(string text)
    {
        foreach (var (name, find, scan) in Matchers())
        {
            Assert.True(find(text).SequenceEqual(scan(text)), $"{name} differs on: {text}");
        }
    }

    [Fact]
    public void Find_ShippedCorpusAndSeedPassages_MatchesAScanOfTheWholeText()
    {
        var texts = ShippedCorpus.Paragraphs()
            .Concat(ClaimTestKit.SeedParagraphs(ClaimTestKit.Sangha))
            .ToList();
        Assert.True(texts.Count > 20);
        var hits = 0;
        foreach (var text in texts)
        {
            foreach (var (name, find, scan) in Matchers())
            {
                var expected = scan(text);
                hits += expected.Count;
                Assert.True(find(text).SequenceEqual(expected), $"{name} differs on: {text}");
            }
        }

        // The comparison means something only if the lists do match in these texts.
        Assert.True(hits > 500, $"only {hits} hits");
    }

    /// <summary>Every term list of the shipped lexicon, as (name, fast find, reference scan); hits compare by span and value.</summary>
    private static IEnumerable<(string Name, Func<string, List<object>> Find, Func<string, List<object>> Scan)> Matchers()
    {
        var lexicon = ClaimTestKit.Lexicon;
        foreach (var property in typeof(ClaimLexicon).GetProperties(BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(TermMatcher<>)))
        {
            var matcher = property.GetValue(lexicon)!;
            var type = property.PropertyType;
            var find = type.GetMethod("Find", [typeof(string), typeof(TextWords)])!;
            var scan = type.GetMethod("FindByScan", BindingFlags.NonPublic | BindingFlags.Instance)!;
            yield return (
                property.Name,
                text => Hits(find.Invoke(matcher, [text, TextWords.Of(text)])!),
                text => Hits(scan.Invoke(matcher, [text])!));

            // As tagging reads a text: each word looked up once for every list, in the lexicon's first-word index.
            yield return (
                property.Name + " (first-word index)",
                text => Hits(find.Invoke(matcher, [text, TextWords.Of(text, lexicon.FirstWords)])!),
                text => Hits(scan.Invoke(matcher, [text])!));
        }
    }

    private static List<object> Hits(object hits) => [.. ((System.Collections.IEnumerable)hits).Cast<object>()];
}
