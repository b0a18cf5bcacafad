using HonchoBot.Core.Answers;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Retrieval;

namespace HonchoBot.Core.Tests.Answers;

/// <summary>The excerpt length rules (docs/retrieval.md, step 9), on hand-built evidence.</summary>
public sealed class ExcerptBuilderTests
{
    private static Evidence EvidenceFor(string text, int best, double[]? scores = null, params PassageSegment[] segments)
    {
        var passage = new Passage("doc#0", "doc", 0, text, segments.Length == 0 ? [new PassageSegment(0, "¶1")] : segments);
        var sentences = passage.Sentences();
        var sentenceScores = scores ?? sentences.Select((_, i) => i == best ? 1.0 : 0.0).ToArray();
        return new Evidence(passage, new SourceInfo("doc", "Doc"), null, 1, 1, 1, sentences[best], sentences, sentenceScores, 1);
    }

    /// <summary>Evidence ranked by meaning and words: every sentence has a positive fused score.</summary>
    private static Evidence HybridEvidenceFor(string text, double[] scores)
    {
        var passage = new Passage("doc#0", "doc", 0, text, [new PassageSegment(0, "¶1")]);
        var sentences = passage.Sentences();
        var best = Array.IndexOf(scores, scores.Max());
        return new Evidence(passage, new SourceInfo("doc", "Doc"), null, 1, 1, 1, sentences[best], sentences, scores, scores[best], new DenseEvidence(0.7, [.. scores.Select(_ => 0.6)]));
    }

    [Fact]
    public void Build_Hybrid_AddsRelevantNeighboursOnBothSidesUpToThreeSentences()
    {
        const string text = "Alpha one two three four. Bravo one two three four. Charlie one two three four. Delta one two three four. Echo one two three four.";

        var (excerpt, start) = ExcerptBuilder.Build(HybridEvidenceFor(text, [0.2, 1.2, 2.0, 1.5, 0.3]));

        Assert.Equal("Bravo one two three four. Charlie one two three four. Delta one two three four.", excerpt);
        Assert.Equal(text.IndexOf("Bravo", StringComparison.Ordinal), start);
    }

    [Fact]
    public void Build_Hybrid_LeavesOutNeighboursThatSayLittle()
    {
        const string text = "Alpha one two three four. Bravo one two three four. Charlie one two three four.";

        var (excerpt, _) = ExcerptBuilder.Build(HybridEvidenceFor(text, [0.5, 2.0, 0.7]));

        Assert.Equal("Bravo one two three four.", excerpt);
    }

    private static string Sentence(int words, string word) => string.Join(' ', Enumerable.Repeat(word, words)) + ".";

    [Fact]
    public void Build_BestSentenceOver600Characters_CutsAtAWordWithEllipsis()
    {
        var longSentence = "Start " + string.Join(' ', Enumerable.Range(0, 150).Select(i => $"w{i:000}")) + ".";
        Assert.True(longSentence.Length > ExcerptBuilder.MaxSingleSentence);
        var (excerpt, start) = ExcerptBuilder.Build(EvidenceFor("Intro here. " + longSentence + " Outro here.", 1));

        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        Assert.True(excerpt.Length <= ExcerptBuilder.MaxSingleSentence + 1, $"{excerpt.Length} characters");
        var body = excerpt[..^1];
        Assert.StartsWith(body, longSentence, StringComparison.Ordinal);
        Assert.Equal(' ', longSentence[body.Length]); // cut at a word boundary
        Assert.Equal("Intro here. ".Length, start);
    }

    [Fact]
    public void Build_LongSentenceWithoutSpaces_NeverSplitsASurrogatePair()
    {
        // 700 astral characters (two UTF-16 units each) and no space to cut at.
        var sentence = string.Concat(Enumerable.Repeat("𠀀", 350)) + ".";
        var (excerpt, _) = ExcerptBuilder.Build(EvidenceFor(sentence, 0));

        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        Assert.True(excerpt.Length <= ExcerptBuilder.MaxSingleSentence + 1);
        for (var i = 0; i < excerpt.Length; i++)
        {
            Assert.False(char.IsHighSurrogate(excerpt[i]) && (i + 1 >= excerpt.Length || !char.IsLowSurrogate(excerpt[i + 1])), $"lone high surrogate at {i}");
        }
    }

    [Fact]
    public void Build_BestSentenceBetween400And600_IsQuotedAlone()
    {
        var sentence = Sentence(90, "MiGs");
        Assert.InRange(sentence.Length, ExcerptBuilder.MaxLength + 1, ExcerptBuilder.MaxSingleSentence);
        var (excerpt, _) = ExcerptBuilder.Build(EvidenceFor("Before. " + sentence + " After.", 1, [1, 1, 1]));
        Assert.Equal(sentence, excerpt);
    }

    [Fact]
    public void Build_ShortBestSentenceWithMatchingNeighbour_AddsTheNeighbourWithin400()
    {
        var text = "Unrelated opening words here. The MiGs flew from Antung. They had North Korean insignia. Nothing else.";
        var (excerpt, _) = ExcerptBuilder.Build(EvidenceFor(text, 1, [0, 2, 1, 0]));
        Assert.Equal("The MiGs flew from Antung. They had North Korean insignia.", excerpt);
    }

    [Fact]
    public void Build_ShortBestSentenceWithoutMatchingNeighbour_StandsAlone()
    {
        var text = "Unrelated opening words here. The MiGs flew from Antung. Nothing else.";
        var (excerpt, _) = ExcerptBuilder.Build(EvidenceFor(text, 1, [0, 2, 0]));
        Assert.Equal("The MiGs flew from Antung.", excerpt);
    }

    [Fact]
    public void Build_NeighbourThatWouldPassTheLimit_IsLeftOut()
    {
        var neighbour = "Long " + Sentence(74, "long");
        Assert.True(neighbour.Length < ExcerptBuilder.MaxLength && neighbour.Length + 27 > ExcerptBuilder.MaxLength);
        var text = "The MiGs flew from Antung. " + neighbour;
        var (excerpt, _) = ExcerptBuilder.Build(EvidenceFor(text, 0, [2, 1]));
        Assert.Equal("The MiGs flew from Antung.", excerpt);
    }

    [Fact]
    public void Build_NeighbourInAnotherBlock_IsNotJoined()
    {
        const string first = "MI Staff (Korea)";
        const string text = first + "\n\nThe MiGs flew from Antung.";
        var evidence = EvidenceFor(text, 1, [1, 2], new PassageSegment(0, "¶27"), new PassageSegment(first.Length + 2, "¶28"));
        var (excerpt, start) = ExcerptBuilder.Build(evidence);
        Assert.Equal("The MiGs flew from Antung.", excerpt);
        Assert.Equal("¶28", evidence.Passage.LocationAt(start));
    }
}
