using HonchoBot.Core.Retrieval;

namespace HonchoBot.Core.Tests.Retrieval;

public sealed class TextAnalysisTests : IDisposable
{
    private readonly TextAnalysis _analysis = new(SynonymList.Default);

    public void Dispose() => _analysis.Dispose();

    private string[] Terms(string text) => _analysis.AnalyzeText(text).Select(t => t.Term).ToArray();

    /// <summary>The one token at the first position (a designator's stacked family name is not a second word).</summary>
    private string Single(string text)
    {
        var tokens = _analysis.AnalyzeText(text);
        var positions = tokens.Select(t => t.Position).Distinct().Count();
        Assert.True(positions == 1, $"'{text}' gave [{string.Join(", ", tokens.Select(t => t.Term))}], expected one position");
        return tokens[0].Term;
    }

    [Theory]
    [InlineData("MiG-15")]
    [InlineData("Mig 15")]
    [InlineData("MiG15")]
    [InlineData("mig-15")]
    [InlineData("MiG‑15")] // non-breaking hyphen U+2011
    [InlineData("MiG–15")] // en dash
    public void AnalyzeText_MiG15Spellings_GiveOneTokenMig15(string text) => Assert.Equal("mig15", Single(text));

    [Theory]
    [InlineData("F-86", "f86")]
    [InlineData("F86", "f86")]
    [InlineData("f 86", "f86")]
    [InlineData("B-29s", "b29")]
    [InlineData("B-29", "b29")]
    [InlineData("Yak-9U", "yak9u")]
    [InlineData("Il-10", "il10")]
    public void AnalyzeText_Designators_JoinFamilyAndNumber(string text, string expected) => Assert.Equal(expected, Single(text));

    [Fact]
    public void AnalyzeText_DesignatorInsideSentence_KeepsNeighbouringWords()
    {
        var terms = Terms("seventy-eight Yak-9U fighters and seventy Il-10 attack planes");
        Assert.Contains("yak9u", terms);
        Assert.Contains("il10", terms);
        Assert.DoesNotContain("9u", terms);
        Assert.DoesNotContain("10", terms);
    }

    [Fact]
    public void AnalyzeText_NumberAfterOrdinaryWord_IsNotJoined()
    {
        // "in 1950" must not become a designator, nor "Pyongyang 12".
        var terms = Terms("in 1950 there were 12 divisions");
        Assert.Contains("1950", terms);
        Assert.Contains("12", terms);
    }

    [Theory]
    [InlineData("an 18-year-old pilot", "18")]
    [InlineData("An 80 percent loss rate", "80")]
    [InlineData("an 11-year-old boy in 1950", "11")]
    public void AnalyzeText_ArticleAnBeforeANumber_IsNotJoinedIntoADesignator(string text, string number) =>
        Assert.Contains(number, Terms(text));

    [Fact]
    public void AnalyzeText_CyrillicLookAlikesInLatinName_FoldToLatin()
    {
        const string byline = "L\u0435\u0435 M\u0430tz"; // "Lее Mаtz" with Cyrillic е and а, as in the seed
        Assert.Equal(["lee", "matz"], Terms(byline));
        Assert.Equal(Terms("Lee Matz"), Terms(byline));
    }

    [Fact]
    public void AnalyzeText_GenuineRussianWord_IsLeftCyrillic()
    {
        var term = Single("Москва");
        Assert.Equal("москва", term);
        Assert.DoesNotContain(term, c => c is >= 'a' and <= 'z');
    }

    [Fact]
    public void AnalyzeText_GreekLookAlikeInLatinWord_Folds() =>
        Assert.Equal(Single("Soviet"), Single("S\u03bfviet")); // Greek omicron

    [Fact]
    public void AnalyzeText_Diacritics_FoldToAscii()
    {
        Assert.Equal(Single("Lushun"), Single("Lüshun"));
        Assert.Equal(Single("hancho"), Single("hanchō"));
    }

    [Theory]
    [InlineData("Pokryshkin’s")] // curly apostrophe
    [InlineData("Pokryshkin's")]
    [InlineData("Pokryshkin")]
    public void AnalyzeText_Possessives_AreStripped(string text) => Assert.Equal("pokryshkin", Single(text));

    [Fact]
    public void AnalyzeText_CurlyApostropheInsideWord_DoesNotSplitPossessive() =>
        Assert.Equal(Terms("Soviet's"), Terms("Soviet’s"));

    [Theory]
    [InlineData("Antung", "Andong")]
    [InlineData("Antung", "An-tung")]
    [InlineData("Sabre", "Saber")]
    [InlineData("Sabre", "Sabres")]
    [InlineData("Sabres", "Sabers")]
    [InlineData("USSR", "U.S.S.R.")]
    [InlineData("lose", "lost")]
    public void AnalyzeText_CanonicalSynonyms_GiveTheSameToken(string a, string b) => Assert.Equal(Single(a), Single(b));

    [Theory]
    [InlineData("MiG-15s", "mig")]
    [InlineData("Yak-9U", "yak")]
    [InlineData("Il-10", "il")]
    public void AnalyzeText_Designator_StacksItsFamilyAtTheSamePosition(string text, string family)
    {
        var tokens = _analysis.AnalyzeText(text);
        Assert.Equal(2, tokens.Count);
        Assert.Equal(family, tokens[1].Term);
        Assert.Equal(tokens[0].Position, tokens[1].Position);
        Assert.Equal((tokens[0].Start, tokens[0].End), (tokens[1].Start, tokens[1].End));
    }

    [Theory]
    [InlineData("mig15", "mig")]
    [InlineData("mi8", "mi")]
    [InlineData("rb45", "rb")]
    [InlineData("tu4", "tu")]
    [InlineData("an2", "an")]
    [InlineData("mig", null)]
    [InlineData("mig-", null)]
    [InlineData("amig15", null)]
    [InlineData("migs15", null)]
    [InlineData("f86", null)]
    [InlineData("ab12", null)]
    [InlineData("m15", null)]
    [InlineData("", null)]
    public void FamilyOf_Term_IsTheFamilyOnlyWhenADigitFollowsIt(string term, string? family) =>
        Assert.Equal(family, DesignatorFamilyFilter.FamilyOf(term.ToCharArray(), term.Length));

    [Theory]
    [InlineData("F-86")]
    [InlineData("B-29")]
    public void AnalyzeText_SingleLetterFamily_StacksNothing(string text) => Assert.Single(_analysis.AnalyzeText(text));

    [Fact]
    public void AnalyzeText_UnrelatedWords_StayDistinct()
    {
        // Guards the synonym tests above against a chain that collapses everything.
        Assert.NotEqual(Single("Antung"), Single("Tungfeng"));
        Assert.NotEqual(Single("Sabre"), Single("MiG-15"));
        Assert.NotEqual(Single("F-86"), Single("B-29"));
    }

    [Fact]
    public void AnalyzeText_Offsets_PointAtTheOriginalText()
    {
        const string text = "The MiG-15 pilots of Lее Mаtz’s photos flew from Antung.";
        var tokens = _analysis.AnalyzeText(text);
        string Original(string term)
        {
            var token = tokens.Single(t => t.Term == term);
            return text[token.Start..token.End];
        }

        Assert.Equal("MiG-15", Original("mig15"));
        Assert.Equal("pilots", Original(_analysis.AnalyzeText("pilots")[0].Term));
        Assert.Equal("Lее", Original("lee"));
        Assert.StartsWith("Mаtz", Original("matz"), StringComparison.Ordinal);
        Assert.Equal("Antung", Original("antung"));
    }

    [Fact]
    public void AnalyzeText_OffsetsAfterASpacedDesignator_StayAligned()
    {
        const string text = "A Mig 15 and an F 86 met over the Yalu";
        var tokens = _analysis.AnalyzeText(text);
        var yalu = tokens.Single(t => t.Term == "yalu");
        Assert.Equal("Yalu", text[yalu.Start..yalu.End]);
        var f86 = tokens.Single(t => t.Term == "f86");
        Assert.Equal("F 86", text[f86.Start..f86.End]);
    }

    [Fact]
    public void AnalyzeQuery_QuestionWords_AreDropped()
    {
        var terms = _analysis.AnalyzeQuery("How many MiG-15s did the Sabre pilots claim?").Select(t => t.Term).ToList();
        Assert.DoesNotContain("how", terms);
        Assert.DoesNotContain("mani", terms);
        Assert.DoesNotContain("did", terms);
        Assert.Contains("mig15", terms);
        Assert.Contains(Single("Sabre"), terms);
    }

    [Fact]
    public void AnalyzeQuery_OnlyStopWords_GivesNoTerms() =>
        Assert.Empty(_analysis.AnalyzeQuery("what is the of and to in it was"));
}
