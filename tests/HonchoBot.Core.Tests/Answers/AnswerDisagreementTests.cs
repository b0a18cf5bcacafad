using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Tests.Answers;

/// <summary>
/// The whole pipeline on the founding sources: claims extracted at index time, compared at answer time,
/// both sides cited (issue "Say where sources disagree", must-holds).
/// </summary>
public sealed class AnswerDisagreementTests(FixtureAnswererFixture fixture) : IClassFixture<FixtureAnswererFixture>
{
    [Theory]
    [InlineData("How many MiG-15s were shot down?", "792", "335")]
    [InlineData("How many planes did the Soviet air force lose?", "335", "792")]
    [InlineData("How many American planes were lost in air-to-air combat?", "139", "1097")]
    public void Ask_ClaimsAgainstRecordedLosses_FlagsADifferentMeasureWithBothSidesCited(string question, string first, string second)
    {
        var answer = fixture.Answerer.Ask(question);

        var disagreement = Assert.Single(answer.Disagreements, d => d.Kind == DisagreementKind.DifferentMeasure);
        Assert.False(string.IsNullOrWhiteSpace(disagreement.Note));
        var values = disagreement.Claims.Select(c => c.Value).ToList();
        Assert.Contains(first, values);
        Assert.Contains(second, values);
        AssertSidesAreCited(answer, disagreement);
    }

    [Fact]
    public void Ask_AnswerCitingASourceWithNotes_CarriesThoseNotesOnEachOfItsCitations()
    {
        var answer = fixture.Answerer.Ask("How many planes did the Soviet air force lose?");

        var sangha = answer.Citations.Where(c => c.SourceId == "sangha-kommune-soviet-casualties").ToList();
        Assert.NotEmpty(sangha);
        Assert.All(sangha, c => Assert.Contains("openly partisan", c.Notes, StringComparison.Ordinal));
    }

    [Fact]
    public void Ask_Markings_FlagsTheChangeOverTime()
    {
        var answer = fixture.Answerer.Ask("What markings did the Soviet MiGs carry?");

        var disagreement = Assert.Single(answer.Disagreements);
        Assert.Equal(DisagreementKind.ChangeOverTime, disagreement.Kind);
        Assert.Contains(disagreement.Claims, c => c.Statement.Contains("North Korean insignia", StringComparison.Ordinal));
        Assert.Contains(disagreement.Claims, c => c.Statement.Contains("eventually", StringComparison.Ordinal));
        AssertSidesAreCited(answer, disagreement);
    }

    [Theory]
    [InlineData("How many Soviet airmen and support staff took part in the war?")]
    [InlineData("How many Yak-9U fighters did North Korea have?")]
    [InlineData("When did the first MiG-15 patrols appear over Korea?")]
    [InlineData("What was MiG Alley?")]
    public void Ask_FigureOnlyOneSourceGivesOrUnrelatedQuestion_FlagsNothing(string question)
    {
        var answer = fixture.Answerer.Ask(question);

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Empty(answer.Disagreements);
        Assert.InRange(answer.Citations.Count, 1, AnswerComposer.MaxCitations);
    }

    [Fact]
    public void Ask_FactMode_NeverAddsDisagreementCitations()
    {
        var answer = fixture.Answerer.Answerer.AnswerNow(new Question("How many MiG-15s did US Sabre pilots claim?", QuestionOrigin.Cli, QuestionMode.Fact));

        Assert.Single(answer.Citations);
        Assert.Empty(answer.Disagreements);
    }

    private void AssertSidesAreCited(Answer answer, Disagreement disagreement)
    {
        Assert.InRange(answer.Citations.Count, 2, DisagreementCitations.MaxCitations);
        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), answer.Citations.Select(c => c.N));
        var sources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in disagreement.Claims)
        {
            var citation = Assert.Single(answer.Citations, c => c.N == claim.Citation);
            sources.Add(citation.SourceId);
            Assert.Contains(claim.Statement, fixture.Answerer.PassageText(citation.PassageId), StringComparison.Ordinal);
        }

        Assert.Equal(2, sources.Count);
    }
}

/// <summary>One fixture index for the class (built once: it takes a moment with claim extraction).</summary>
public sealed class FixtureAnswererFixture : IDisposable
{
    public FixtureAnswerer Answerer { get; } = new();

    public void Dispose() => Answerer.Dispose();
}
