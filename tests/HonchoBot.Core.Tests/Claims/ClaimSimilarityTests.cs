using HonchoBot.Core.Claims;

namespace HonchoBot.Core.Tests.Claims;

public sealed class ClaimSimilarityTests
{
    private static readonly (string, string) Sangha = ("t-a", "The Soviet air force lost 335 aircraft in the war.");
    private static readonly (string, string) Other = ("t-b", "The Soviet air force lost 319 aircraft in the war.");
    private const string Question = "How many aircraft did the Soviet air force lose?";

    private static IReadOnlyList<DisagreementFinding> Find(IClaimSimilarity similarity) =>
        new DisagreementFinder(ClaimTestKit.Lexicon, similarity).Find(Question,
            [ClaimTestKit.Evidence(Sangha.Item1, Sangha.Item2, 0), ClaimTestKit.Evidence(Other.Item1, Other.Item2, 1)]);

    private sealed class Fixed(bool? opinion) : IClaimSimilarity
    {
        public List<(string, string)> Asked { get; } = [];

        public bool? AreAboutTheSameThing(string firstStatement, string secondStatement)
        {
            Asked.Add((firstStatement, secondStatement));
            return opinion;
        }
    }

    [Fact]
    public void Find_SimilaritySaysDifferentThings_DropsThePair()
    {
        var veto = new Fixed(false);

        Assert.Empty(Find(veto));
        Assert.Single(veto.Asked);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(null)]
    public void Find_SimilarityAgreesOrHasNoOpinion_KeepsThePair(bool? opinion) =>
        Assert.Single(Find(new Fixed(opinion)));

    [Fact]
    public void Find_SimilarityNeverReportsAPairTheRulesDidNotFind()
    {
        var always = new Fixed(true);

        var findings = new DisagreementFinder(ClaimTestKit.Lexicon, always).Find(Question,
            [ClaimTestKit.Evidence("t-a", "The Soviet air force lost 335 aircraft in the war.", 0), ClaimTestKit.Evidence("t-c", "The Soviet air force lost 335 aircraft in the war.", 1)]);

        Assert.Empty(findings);
        Assert.Empty(always.Asked);
    }

    [Fact]
    public void VectorSimilarity_CosineAgainstTheThreshold_DecidesAndMissingVectorsHaveNoOpinion()
    {
        var vectors = new Dictionary<string, float[]>
        {
            ["a"] = [1, 0],
            ["b"] = [0.8f, 0.6f],
            ["c"] = [0, 1],
        };
        var similarity = new VectorClaimSimilarity(t => vectors.TryGetValue(t, out var v) ? v : null, minCosine: 0.5);

        Assert.True(similarity.AreAboutTheSameThing("a", "b"));
        Assert.False(similarity.AreAboutTheSameThing("a", "c"));
        Assert.Null(similarity.AreAboutTheSameThing("a", "unknown"));
    }
}
