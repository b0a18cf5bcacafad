using HonchoBot.Core.Retrieval;
using Lucene.Net.Analysis.Pattern;
using HonchoBot.Core.Tests.TestSupport;

namespace HonchoBot.Core.Tests.Retrieval;

/// <summary>
/// Two filters of the analysis chain replace Lucene's own for speed: <see cref="DesignatorJoinFilter"/> (Lucene's
/// pattern-replace char filter with the designator regex) and <see cref="CanonicalSynonymFilter"/> (Lucene's
/// synonym filter). Each must give exactly what the Lucene filter gives: the same text and offset corrections, the
/// same terms, offsets and positions, at index and at query time.
/// </summary>
public sealed class AnalysisFilterEquivalenceTests
{
    public static TheoryData<string> DesignatorTexts() =>
    [
        "MiG-15 and Mig 15s, MiG15bis; F-86E, F 86 and f-86; B-29s over the Yalu.",
        "La-11, An-2 and Mi-4 fly; an 18-year-old, la 5 and mi 8 do not join; Tu-4, Il-28, Yak-9U, RB-45C, T-33, P-51.",
        "MiG‐15 MiG‑15 MiG‒15 MiG–15 (four dashes); MiG\u00A015; MiG\t15; MiG\n15.",
        "MiG-1500 is no designator, nor F-1234; B-2 and B-29 and B-290 are.",
        "F-86",
        "text ending in a designator F-86",
        "",
        "no designators at all, just words and 1951 and 64th IAK",
        "Ｆ-８６ and MiG-١٥ (other digits), ＭｉＧ-15",
        new string('x', 3000) + " MiG-15 " + new string('y', 3000) + " F-86",
    ];

    [Theory]
    [MemberData(nameof(DesignatorTexts))]
    public void DesignatorJoinFilter_GivesThePatternReplaceFiltersTextAndOffsets(string text)
    {
        var (expected, expectedOffsets) = ReadAll(new PatternReplaceCharFilter(TextAnalysis.Designator(), "$1$2$3", new StringReader(text)));
        var (actual, actualOffsets) = ReadAll(new DesignatorJoinFilter(new StringReader(text), TextAnalysis.Designator()));
        Assert.Equal(expected, actual);
        Assert.Equal(expectedOffsets, actualOffsets);
    }

    [Fact]
    public void CanonicalSynonymFilter_EverySpellingInContext_GivesLuceneSynonymFiltersTokens()
    {
        using var ours = new TextAnalysis(SynonymList.Default);
        using var lucene = new TextAnalysis(SynonymList.Default, luceneSynonymFilter: true);
        var severalWords = 0;
        foreach (var text in SpellingTexts(SynonymList.Default))
        {
            Assert.Equal(lucene.AnalyzeText(text), ours.AnalyzeText(text));
            Assert.Equal(lucene.AnalyzeQuery(text), ours.AnalyzeQuery(text));
            severalWords += ours.AnalyzeText(text).Count(t => text.AsSpan(t.Start, t.End - t.Start).Contains(' '));
        }

        // The comparison means something only if spellings of several words were rewritten to one.
        Assert.True(severalWords > 50, $"only {severalWords} rewrites of several words");
    }

    [Fact]
    public void CanonicalSynonymFilter_ShippedCorpus_GivesLuceneSynonymFiltersTokens()
    {
        using var ours = new TextAnalysis(SynonymList.Default);
        using var lucene = new TextAnalysis(SynonymList.Default, luceneSynonymFilter: true);
        var paragraphs = ShippedCorpus.Paragraphs();
        Assert.True(paragraphs.Count > 20);
        foreach (var paragraph in paragraphs)
        {
            Assert.Equal(lucene.AnalyzeText(paragraph), ours.AnalyzeText(paragraph));
            Assert.Equal(lucene.AnalyzeQuery(paragraph), ours.AnalyzeQuery(paragraph));
        }
    }

    [Fact]
    public void TextAnalysis_CanonicalFormOfSeveralWords_FallsBackToLucenesFilter()
    {
        // "u.s. air force" → "united states air force": four words out, which our filter does not do.
        var synonyms = SynonymList.Parse("= united states air force, usaf\n= sabre, saber\n");
        using var analysis = new TextAnalysis(synonyms);
        using var lucene = new TextAnalysis(synonyms, luceneSynonymFilter: true);
        foreach (var text in new[] { "the USAF and its Sabers", "what usaf did", "usaf" })
        {
            Assert.Equal(lucene.AnalyzeText(text), analysis.AnalyzeText(text));
            Assert.Equal(lucene.AnalyzeQuery(text), analysis.AnalyzeQuery(text));
        }

        Assert.Contains(analysis.AnalyzeText("the USAF"), t => t.Term == "unit");
    }

    /// <summary>Every listed spelling alone, after and between stop words, repeated, in pairs and cut short.</summary>
    private static IEnumerable<string> SpellingTexts(SynonymList synonyms)
    {
        var spellings = synonyms.Canonical.Concat(synonyms.Related).SelectMany(g => g).ToList();
        foreach (var s in spellings)
        {
            yield return s;
            yield return $"the {s}";
            yield return $"what {s} did the {s} do";
            yield return $"{s}s and {s}'s";
            yield return $"{s.ToUpperInvariant()} in 1951";
            yield return $"{s} {s} {s}";
            var words = s.Split(' ');
            if (words.Length > 1)
            {
                yield return string.Join(" the ", words);
                yield return string.Join(' ', words[..^1]) + " and more";
                yield return words[0] + " " + s;
                yield return s + " " + words[^1];
            }
        }

        foreach (var (a, b) in spellings.Zip(spellings.Skip(1)))
        {
            yield return $"{a} {b}";
            yield return $"{a} the {b}";
            yield return $"{a}-{b}";
        }
    }

    /// <summary>All the filter's output, and the corrected offset of every output position.</summary>
    private static (string Text, int[] Offsets) ReadAll(Lucene.Net.Analysis.CharFilter filter)
    {
        using (filter)
        {
            var output = new System.Text.StringBuilder();
            var buffer = new char[7];
            for (int n; (n = filter.Read(buffer, 0, buffer.Length)) > 0;)
            {
                output.Append(buffer, 0, n);
            }

            return (output.ToString(), [.. Enumerable.Range(0, output.Length + 1).Select(filter.CorrectOffset)]);
        }
    }
}
