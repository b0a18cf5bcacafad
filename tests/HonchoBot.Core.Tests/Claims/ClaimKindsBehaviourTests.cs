using HonchoBot.Core.Answers;
using HonchoBot.Core.Claims;

namespace HonchoBot.Core.Tests.Claims;

/// <summary>
/// What each claim kind flags and what it refuses to compare, on short texts written for these tests: the kinds of
/// issue 11 (persons, wars, battles, dates, superlatives, membership, ratios, bounds).
/// </summary>
public sealed class ClaimKindsBehaviourTests
{
    private static IReadOnlyList<DisagreementFinding> Find(string question, params (string Source, string Text)[] sides) =>
        ClaimTestKit.Finder.Find(question, [.. sides.Select((s, i) => ClaimTestKit.Evidence(s.Source, s.Text, i))]);

    private static DisagreementFinding Single(string question, params (string Source, string Text)[] sides) =>
        Assert.Single(Find(question, sides));

    [Fact]
    public void Find_OnePilotsTallyUnderTwoSpellings_IsAConflict()
    {
        var finding = Single("How many victories did Nikolai Sutyagin score?",
            ("t-a", "Nikolai Sutyagin was credited with 21 victories over Korea."),
            ("t-b", "Russian archives credit Sutiagin with 23 victories."));

        Assert.Equal(DisagreementKind.Conflict, finding.Kind);
        Assert.Equal(("21", "23"), (finding.First.Value, finding.Second.Value));
    }

    [Fact]
    public void Find_OnePilotsTallyAgainstAForceTotal_IsNeverCompared()
    {
        Assert.Empty(Find("How many victories did Sutyagin score?",
            ("t-a", "Sutyagin was credited with 21 victories over Korea."),
            ("t-b", "Soviet pilots claimed 1,100 victories over Korea.")));
        Assert.Empty(Find("How many victories did Soviet pilots claim?",
            ("t-a", "Sutyagin was credited with 21 victories over Korea."),
            ("t-b", "Soviet pilots claimed 1,100 victories over Korea.")));
    }

    [Fact]
    public void Find_SecondWorldWarTallyAgainstAKoreanWarTally_IsNeverCompared() =>
        Assert.Empty(Find("How many kills did Garrison score?",
            ("t-a", "Garrison scored 7 kills in the Second World War."),
            ("t-b", "In Korea Garrison scored 10 kills.")));

    [Fact]
    public void Find_OneRaidByNicknameAndByItsDay_IsOneEventAndNotTheWholeWar()
    {
        Assert.Empty(Find("How many B-29s were lost on Black Tuesday?",
            ("t-a", "On Black Tuesday the bomber crews lost three B-29s."),
            ("t-b", "The Americans lost 34 B-29s in combat over the whole war.")));
        var finding = Single("How many B-29s were lost on Black Tuesday?",
            ("t-a", "On Black Tuesday the bomber crews lost three B-29s."),
            ("t-c", "On 23 October 1951 the bomber crews lost five B-29s."));
        Assert.Equal(DisagreementKind.Conflict, finding.Kind);
    }

    [Fact]
    public void Find_RunningTotalOnTheWay_IsNotAFinalTally() =>
        Assert.Empty(Find("How many victories did Jabara have?",
            ("t-a", "A double kill that day brought his total to six, and Jabara became an ace."),
            ("t-b", "Jabara ended the war with 15 victories.")));

    [Fact]
    public void Find_BoundAndAFigureInsideIt_AreCompatible()
    {
        Assert.Empty(Find("How many Soviet personnel served in Korea?",
            ("t-a", "The Soviet Union sent 400+ men to Korea."),
            ("t-b", "In all, 72,000 Soviet personnel served in Korea.")));
        Assert.Empty(Find("How many Soviet pilots became aces?",
            ("t-a", "Between 30 and 60 Soviet pilots became aces."),
            ("t-b", "Some 51 Soviet pilots became aces.")));
    }

    [Fact]
    public void Find_PartOfAFigure_CarriesTheFrameOfTheWhole()
    {
        var claims = ClaimTestKit.Extractor.Extract("By the armistice the Sabres had claimed 850 aircraft, of which 800 were MiGs.");

        var part = Assert.Single(claims, c => c.Value == "800");
        Assert.Equal(("mig", "kills", "us"), (part.Thing, part.Measure, part.Agent));
        Assert.Equal(TimeScopeKind.Whole, part.Time?.Kind);
    }

    [Fact]
    public void Find_TwoDaysForOnePersonsDeath_IsAConflictAndAYearFitsBoth()
    {
        var finding = Single("When did McConnell die?",
            ("t-a", "McConnell was killed on 25 August 1954 testing a new Sabre."),
            ("t-b", "Joseph McConnell died on August 24, 1954, in California."));
        Assert.Equal(("the sources give different dates for the death", "25 August 1954"), (finding.Note, finding.First.Value));

        Assert.Empty(Find("When did McConnell die?",
            ("t-a", "McConnell was killed on 25 August 1954 testing a new Sabre."),
            ("t-c", "McConnell died in 1954.")));
    }

    [Fact]
    public void Find_DateOfAnotherEventLaterInTheSentence_IsNotTheEventsDate() =>
        Assert.Empty(Find("When was the first jet battle?",
            ("t-a", "Lieutenant Brown fought the first jet battle, but the first confirmed kill went to Amen on 9 November 1950."),
            ("t-b", "Brown fought the first jet battle on 8 November 1950.")));

    [Fact]
    public void Find_TwoHoldersOfOneTopPlace_IsAConflict()
    {
        var finding = Single("Who was the top Soviet ace?",
            ("t-a", "Sutyagin was the top-scoring Soviet ace of the war."),
            ("t-b", "The leading Soviet ace in Korea was Pepelyaev."));

        Assert.Equal(DisagreementKind.Conflict, finding.Kind);
        Assert.Contains("Sutyagin", finding.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_TopPlacesOfDifferentSidesOrALowerRank_AreNotAConflict()
    {
        Assert.Empty(Find("Who was the top ace?",
            ("t-a", "McConnell was the top American ace."),
            ("t-b", "Sutyagin was the top Soviet ace.")));
        Assert.Empty(Find("Who was the top American ace?",
            ("t-a", "McConnell was the top American ace."),
            ("t-b", "Fernandez was the third leading American ace.")));
    }

    [Fact]
    public void Find_TopPlaceOverEveryoneAgainstTopPlaceWithinASide_ConflictsOnlyWhenTheHolderIsOnThatSide()
    {
        var overall = ("t-a", "Soviet units flew from Manchuria. Sutyagin was the most successful of those pilots and became the leading ace of the war.");
        Assert.Single(Find("Who was the top Soviet ace?", overall, ("t-b", "Pepelyaev was the top-scoring Soviet ace.")));
        Assert.Empty(Find("Who was the top American ace?", overall, ("t-c", "McConnell was the top-scoring American ace.")));
    }

    [Fact]
    public void Find_UnitNameVariants_AreOneUnitAndDifferentUnitsConflict()
    {
        Assert.Empty(Find("Which division was the 196th regiment part of?",
            ("t-a", "The 196th regiment belonged to the 324th Fighter Aviation Division."),
            ("t-b", "The 196th IAP was part of the 324th IAD.")));
        var finding = Single("Which division was the 196th regiment part of?",
            ("t-a", "The 196th regiment belonged to the 324th Fighter Aviation Division."),
            ("t-c", "The 196th regiment was part of the 303rd IAD."));
        Assert.Equal(("324th division", "303rd division"), (finding.First.Value, finding.Second.Value));
    }

    [Fact]
    public void Find_TwoPilotsUnits_AreNotCompared() =>
        Assert.Empty(Find("Which wing did Fischer fly with?",
            ("t-a", "Fischer flew with the 51st Fighter-Interceptor Wing."),
            ("t-b", "Davis flew with the 4th Fighter-Interceptor Wing.")));

    [Fact]
    public void Find_KillRatiosOfOneSide_ConflictWhenTheyDoNotOverlap()
    {
        var finding = Single("What was the Sabre kill ratio?",
            ("t-a", "The Sabre pilots achieved a kill ratio of about 9:1."),
            ("t-b", "Later research put the American kill ratio nearer two to one."));
        Assert.Equal(("about 9:1", "about 2:1"), (finding.First.Value, finding.Second.Value));

        Assert.Empty(Find("What was the Sabre kill ratio?",
            ("t-a", "The Sabre pilots achieved a kill ratio of about 9:1."),
            ("t-c", "Chinese pilots claimed a kill ratio of 2:1 against the Americans.")));
    }

    [Fact]
    public void Find_BareRatio_TakesUpTheRatioItsPassageSpokeOfBefore()
    {
        var claims = ClaimTestKit.Extractor.Extract("The Americans claimed a kill ratio of 10 to one. New research says it was closer to four to one.");

        Assert.Equal(["10:1", "about 4:1"], claims.Where(c => c.Kind == ClaimKind.Ratio).Select(c => c.Value));
        Assert.All(claims.Where(c => c.Kind == ClaimKind.Ratio), c => Assert.Equal("us", c.Agent));
    }

    [Theory]
    [InlineData("Where were the pilots who died buried?")]
    [InlineData("Which units lost the most aircraft?")]
    [InlineData("What share of the losses was Soviet?")]
    public void Find_QuestionNotAskingACount_IsNotAnsweredByCountsOrDates(string question) =>
        Assert.Empty(Find(question,
            ("t-a", "The Soviet air force lost 335 aircraft. McConnell died on 25 August 1954."),
            ("t-b", "The Soviet air force lost 400 aircraft. McConnell died on 24 August 1954.")));

    [Fact]
    public void Find_QuestionAboutOneEngagement_IsNotAnsweredByWholeWarTotals() =>
        Assert.Empty(Find("How many MiGs did the Soviets lose fighting over the downed Sabre?",
            ("t-a", "The Soviet air force lost 335 aircraft over the whole war."),
            ("t-b", "The Soviet air force lost 400 aircraft over the whole war.")));

    [Fact]
    public void Find_FirstPersonInsideAQuotation_IsNotTheSourcesSide() =>
        Assert.Empty(Find("How many MiGs did the Soviets lose?",
            ("t-a", "“We lost six MiGs that afternoon,” the colonel said."),
            ("t-b", "Soviet units lost 335 MiGs over the whole war.")));

    [Fact]
    public void Find_TwoRanksForOnePersonOnOneDay_IsAConflictAndAGradeOfTheRankIsNot()
    {
        var finding = Single("What rank was Jabara then?",
            ("t-a", "On 20 May 1951 Major James Jabara became an ace."),
            ("t-b", "The story is told of Captain James Jabara. On 20 May 1951 he became an ace."));
        Assert.Equal(("Major", "Captain"), (finding.First.Value, finding.Second.Value));

        Assert.Empty(Find("What rank was Brown then?",
            ("t-a", "On 8 November 1950 Lt. Russell Brown met a MiG."),
            ("t-c", "On 8 November 1950 First Lt. Russell Brown met a MiG.")));
        Assert.Empty(Find("What rank was Jabara then?",
            ("t-a", "On 20 May 1951 Major James Jabara became an ace."),
            ("t-d", "On 17 November 1966 Colonel James Jabara died.")));
    }

    [Fact]
    public void Find_OneEventPlacedAtDifferentPointsOfAPilotsTally_IsAConflict()
    {
        var finding = Single("After which victory was Davis shot down?",
            ("t-a", "On the day Davis shot down his twelfth MiG he was shot down himself."),
            ("t-b", "Davis was shot down after his fourteenth victory."));

        Assert.Equal(DisagreementKind.Conflict, finding.Kind);
        Assert.Equal(("on the day of victory 12", "after victory 14"), (finding.First.Value, finding.Second.Value));
    }
}
