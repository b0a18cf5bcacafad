using HonchoBot.Core.Answers;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Retrieval;

namespace HonchoBot.Core.Tests.Answers;

/// <summary>The no-answer decision on hand-built evidence: words, meaning and unknown names.</summary>
public sealed class AnswerabilityTests
{
    private static Evidence Candidate(double coverage, int matched, double? cosine)
    {
        var passage = new Passage("doc#0", "doc", 0, "One sentence of text here.", [new PassageSegment(0, "¶1")]);
        var sentences = passage.Sentences();
        var dense = cosine is { } c ? new DenseEvidence(c, [c]) : null;
        return new Evidence(passage, new SourceInfo("doc", "Doc"), null, 1, coverage, matched, sentences[0], sentences, [1.0], 1, dense);
    }

    private static readonly HonchoBot.Core.Semantic.RelevanceScale Scale = new(WithMostWords: 0.52, WithSomeWords: 0.60, Paraphrase: 0.63, SameTopic: 0.6);

    private static SearchResult Result(int concepts, double unknownShare = 0, params Evidence[] candidates) =>
        new(candidates, concepts, unknownShare > 0 ? ["Luftwaffe"] : [], unknownShare, candidates.Any(c => c.Dense is not null) ? Scale : null);

    [Fact]
    public void Judge_NoConcepts_IsNothingToSearch() =>
        Assert.Equal(NoAnswerReason.NothingToSearch, Answerability.Judge(Result(0)));

    [Fact]
    public void Judge_UnknownNamesMakeUpMuchOfTheQuestion_IsUnknownNames_HoweverGoodTheMatch() =>
        Assert.Equal(NoAnswerReason.UnknownNames, Answerability.Judge(Result(4, 0.3, Candidate(0.7, 3, 0.9))));

    [Theory]
    [InlineData(0.70, 3, 0.54, true)]   // the words are there, the meaning is close enough
    [InlineData(0.70, 3, 0.50, false)]  // the words are there, the meaning is not
    [InlineData(0.45, 2, 0.61, true)]   // part of the words, close meaning
    [InlineData(0.45, 2, 0.58, false)]  // part of the words, meaning not close enough
    [InlineData(0.10, 1, 0.65, true)]   // few words in common: a close paraphrase answers
    [InlineData(0.10, 1, 0.62, false)]  // few words in common, meaning not close
    public void Judge_Hybrid_NeedsCloserMeaningTheFewerWordsMatch(double coverage, int matched, double cosine, bool answers) =>
        Assert.Equal(answers, Answerability.Judge(Result(4, 0, Candidate(coverage, matched, cosine))) is null);

    [Fact]
    public void Judge_Hybrid_TheSamePassageMustCarryBothKindsOfEvidence()
    {
        // Words in one passage, meaning in another: neither answers.
        var result = Result(4, 0, Candidate(0.45, 2, 0.55), Candidate(0.10, 1, 0.62));

        Assert.Equal(NoAnswerReason.NotCovered, Answerability.Judge(result));
    }

    [Theory]
    [InlineData(0.40, 2, true)]
    [InlineData(0.30, 2, false)]
    [InlineData(0.90, 1, false)] // a two-concept question must have both
    public void Judge_Lexical_UsesTheBestPassagesCoverage(double coverage, int matched, bool answers) =>
        Assert.Equal(answers, Answerability.Judge(Result(2, 0, Candidate(coverage, matched, null))) is null);
}
