using HonchoBot.Core.Corpus;

namespace HonchoBot.Core.Tests.Corpus;

public sealed class SentenceSplitterTests
{
    private static string[] Sentences(string text) =>
        SentenceSplitter.Split(text).Select(s => text.Substring(s.Start, s.Length)).ToArray();

    [Fact]
    public void Split_TwoPlainSentences_GivesTwo() =>
        Assert.Equal(["The war began in 1950.", "It ended in 1953."], Sentences("The war began in 1950. It ended in 1953."));

    [Theory]
    [InlineData("U.S. Air Force pilots called them honchos. The name stuck.", "U.S. Air Force pilots called them honchos.")]
    [InlineData("He served under Lt. Kozhedub in Korea. The name stuck.", "He served under Lt. Kozhedub in Korea.")]
    [InlineData("Lt. Col. Pepelyaev commanded the regiment. The name stuck.", "Lt. Col. Pepelyaev commanded the regiment.")]
    [InlineData("They flew from airfield No. 2 at Antung. The name stuck.", "They flew from airfield No. 2 at Antung.")]
    [InlineData("The U.S.S.R. never said so. The name stuck.", "The U.S.S.R. never said so.")]
    [InlineData("Gen. Lobov and Maj. Smith met, e.g. at Mukden. The name stuck.", "Gen. Lobov and Maj. Smith met, e.g. at Mukden.")]
    [InlineData("J. Stalin hesitated. The name stuck.", "J. Stalin hesitated.")]
    public void Split_Abbreviations_DoNotEndASentence(string text, string first)
    {
        var sentences = Sentences(text);
        Assert.Equal([first, "The name stuck."], sentences);
    }

    [Fact]
    public void Split_SentenceEndingInsideCurlyQuotes_KeepsTheClosingQuote()
    {
        var sentences = Sentences("Americans called them “honchos.” The true identities were a mystery.");
        Assert.Equal(["Americans called them “honchos.”", "The true identities were a mystery."], sentences);
    }

    [Fact]
    public void Split_NextSentenceOpensWithCurlyQuote_Splits()
    {
        var sentences = Sentences("The pilots were volunteers. “Volunteers” was the official word.");
        Assert.Equal(["The pilots were volunteers.", "“Volunteers” was the official word."], sentences);
    }

    [Fact]
    public void Split_CommaInsideCurlyQuotes_DoesNotSplit()
    {
        const string text = "U.S. Air Force pilots often referred to the skilled MiG-15 pilots as “honchos,” a term derived from the Japanese word “hanchō” (班長) for “squad leader” or “boss.” The true identities of the North Korean pilots were shrouded in mystery.";
        var sentences = Sentences(text);
        Assert.Equal(2, sentences.Length);
        Assert.EndsWith("“boss.”", sentences[0], StringComparison.Ordinal);
        Assert.StartsWith("The true identities", sentences[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Split_QuestionAndExclamationMarks_EndSentences() =>
        Assert.Equal(["Who flew them?", "Soviet pilots!", "Yes."], Sentences("Who flew them? Soviet pilots! Yes."));

    [Fact]
    public void Split_DecimalNumberAndLowercaseContinuation_DoNotSplit() =>
        Assert.Single(Sentences("The ratio was 2.5 to one vs. the claims of 10 to one."));

    [Fact]
    public void Split_Spans_AreTrimmedVerbatimSubstrings()
    {
        const string text = "  First one.   Second one.\nThird one.  ";
        var spans = SentenceSplitter.Split(text);
        Assert.Equal(3, spans.Count);
        foreach (var (start, length) in spans)
        {
            var sentence = text.Substring(start, length);
            Assert.Equal(sentence.Trim(), sentence);
            Assert.NotEmpty(sentence);
        }
    }

    [Fact]
    public void Split_EmptyOrBlank_GivesNothing()
    {
        Assert.Empty(SentenceSplitter.Split(""));
        Assert.Empty(SentenceSplitter.Split("   \n "));
    }
}
