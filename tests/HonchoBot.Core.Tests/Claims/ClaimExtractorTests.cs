using HonchoBot.Core.Claims;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Tests.Claims;

public sealed class ClaimExtractorTests
{
    private static Claim Single(string text)
    {
        var claims = ClaimTestKit.Extractor.Extract(text).Where(c => c.Kind == ClaimKind.Quantity).ToList();
        return Assert.Single(claims);
    }

    private static List<Atom> Atoms(string text) =>
        QuantityScanner.Scan(TaggedText.Create(text, ClaimTestKit.Lexicon).Tokens, ClaimTestKit.Lexicon);

    [Theory]
    [InlineData("The Soviet contingent numbered 72,000 personnel.", "72,000", 71500, 72500)]
    [InlineData("Soviet pilots shot down 1097 enemy planes.", "1097", 1097, 1097)]
    [InlineData("The Soviet Airforce lost 335 planes.", "335", 335, 335)]
    [InlineData("The North Korean Air Force was equipped with seventy-eight Yak-9U fighters.", "78", 78, 78)]
    [InlineData("The Soviet air force lost three hundred and thirty-five planes.", "335", 335, 335)]
    [InlineData("The Soviet air force lost seven hundred ninety-two planes.", "792", 792, 792)]
    [InlineData("Regiments were equipped with thirty-five to forty aircraft each.", "35–40", 35, 40)]
    [InlineData("Regiments were equipped with 35–40 aircraft each.", "35–40", 35, 40)]
    [InlineData("Between 200 and 250 Soviet pilots died in the war.", "200–250", 200, 250)]
    [InlineData("Some 1.35 million Chinese soldiers served in Korea.", "about 1,350,000", 1215000, 1485000)]
    [InlineData("North Korea had about 40 Yak-9U fighters.", "about 40", 35, 45)]
    [InlineData("The Soviet air force lost exactly 120 pilots.", "120", 120, 120)]
    public void Extract_Figure_IsNormalisedToAnInterval(string text, string value, double low, double high)
    {
        var claim = Single(text);

        Assert.Equal(value, claim.Value);
        Assert.Equal(low, claim.Low);
        Assert.Equal(high, claim.High);
    }

    [Theory]
    [InlineData("The communists had at least 2000 aircraft in the theatre.", "≥ 2000", 2000, null, false)]
    [InlineData("The Soviet Union lost more than 1,000 aircraft.", "> 1000", 1000, null, true)]
    [InlineData("No more than 30,000 Soviet personnel took part.", "≤ 30,000", 0, 30000.0, false)]
    [InlineData("Soviet pilots flew fewer than 30,000 sorties.", "< 30,000", 0, 30000.0, false)]
    [InlineData("Soviet pilots flew 2,000 or more sorties.", "≥ 2000", 2000, null, false)]
    public void Extract_Bound_GivesAnOpenOrHalfOpenInterval(string text, string value, double low, double? high, bool lowExclusive)
    {
        var claim = Single(text);

        Assert.Equal(value, claim.Value);
        Assert.Equal(low, claim.Low);
        Assert.Equal(high, claim.High);
        Assert.Equal(lowExclusive, claim.IsLowExclusive);
        Assert.False(claim.IsNegated);
    }

    [Theory]
    [InlineData("The MiG-15s soon numbered in the hundreds.", "hundreds", 200, 999, "mig-15")]
    [InlineData("Hundreds of Soviet pilots took part in the air war.", "hundreds", 200, 999, "pilot")]
    [InlineData("Only a few dozen MiG-15s were ever deployed.", "a few dozen", 24, 60, "mig-15")]
    [InlineData("Moscow deployed several regiments to the Far East.", "several", 3, 9, "regiment")]
    public void Extract_VagueMagnitude_IsAWideVagueInterval(string text, string value, double low, double high, string thing)
    {
        var claim = Single(text);

        Assert.True(claim.IsVague);
        Assert.Equal(value, claim.Value);
        Assert.Equal(low, claim.Low);
        Assert.Equal(high, claim.High);
        Assert.Equal(thing, claim.Thing);
    }

    [Theory]
    [InlineData("The MiG-15 and the F-86 met over the Yalu; the B-29 and the Yak-9U did not.")]
    [InlineData("The 64th Fighter Aviation Corps and the 324th Division fought in 1952.")]
    [InlineData("In November 1950 and again in April 1951, during 1950-1953, the 1900s.")]
    [InlineData("See [12], page 45, Hill 266, No. 77 Squadron, 40% and 10:30.")]
    [InlineData("Chinese Language References:朝鲜战争/5310朝鲜战争")]
    public void Scan_DesignatorsYearsOrdinalsAndReferences_AreNotQuantities(string text)
    {
        Assert.Empty(Atoms(text));
    }

    [Fact]
    public void Extract_YearAndFigureInOneSentence_TakesOnlyTheFigureAndDatesIt()
    {
        var claim = Single("In 1951 alone, the 64th Fighter Aviation Corps flew 20,000 sorties.");

        Assert.Equal("20,000", claim.Value);
        Assert.Equal("sortie", claim.Thing);
        Assert.Equal("sorties", claim.Measure);
        Assert.Equal(new TimeScope(TimeScopeKind.Period, 195101, 195112), claim.Time);
        Assert.Equal("64 corps", claim.Scope.Unit);
    }

    [Fact]
    public void Extract_FoundingSourceParagraphs_SpansAreVerbatimAndTrimmed()
    {
        foreach (var seed in new[] { ClaimTestKit.Milwaukee, ClaimTestKit.Sangha })
        {
            foreach (var paragraph in ClaimTestKit.SeedParagraphs(seed))
            {
                foreach (var claim in ClaimTestKit.Extractor.Extract(paragraph))
                {
                    var statement = paragraph[claim.Start..claim.End];
                    Assert.InRange(claim.ValueStart, claim.Start, claim.End);
                    Assert.InRange(claim.ValueEnd, claim.ValueStart, claim.End);
                    Assert.False(char.IsWhiteSpace(statement[0]) || char.IsWhiteSpace(statement[^1]), statement);
                    Assert.DoesNotContain(statement[^1], ".,;:");
                }
            }
        }
    }

    [Fact]
    public void Extract_SabreClaimsSentence_FramesBothFiguresSeparately()
    {
        var text = ClaimTestKit.SeedParagraph(ClaimTestKit.Milwaukee, 20);
        var claims = ClaimTestKit.Extractor.Extract(text);

        var kills = Assert.Single(claims, c => c.Value == "792");
        Assert.Equal("Sabre pilots claimed 792 MiG-15s", text[kills.Start..kills.End]);
        Assert.Equal("792", text[kills.ValueStart..kills.ValueEnd]);
        Assert.Equal(("mig-15", "kills", "communist", true, "us", ClaimStatus.Claim), (kills.Thing, kills.Measure, kills.Side, kills.IsSideInferred, kills.Agent, kills.Status));
        Assert.Equal(TimeScopeKind.Whole, kills.Time?.Kind);
        Assert.Equal("air_to_air", kills.Scope.Cause);

        var losses = Assert.Single(claims, c => c.Value == "139");
        Assert.Equal(("aircraft", "losses", "us", false, ClaimStatus.Record), (losses.Thing, losses.Measure, losses.Side, losses.IsSideInferred, losses.Status));
        Assert.Equal("air_to_air", losses.Scope.Cause);
    }

    [Fact]
    public void Extract_SovietRecordsParagraph_FramesLossesKillsAndStrength()
    {
        var text = ClaimTestKit.SeedParagraph(ClaimTestKit.Sangha, 3);
        var claims = ClaimTestKit.Extractor.Extract(text);

        var lost = Assert.Single(claims, c => c.Value == "335");
        Assert.Equal(("aircraft", "losses", "ussr"), (lost.Thing, lost.Measure, lost.Side));
        var kills = Assert.Single(claims, c => c.Value == "1097");
        Assert.Equal(("aircraft", "kills", "un", true, "ussr"), (kills.Thing, kills.Measure, kills.Side, kills.IsSideInferred, kills.Agent));
        var guns = Assert.Single(claims, c => c.Value == "212");
        Assert.Equal("ground_fire", guns.Scope.Cause);
        var personnel = Assert.Single(claims, c => c.Value == "72,000");
        Assert.Equal(("personnel", "strength", "ussr", TimeScopeKind.Whole), (personnel.Thing, personnel.Measure, personnel.Side, personnel.Time?.Kind));
        Assert.Single(claims, c => c.Value == "12" && c.Thing == "division");
    }

    [Fact]
    public void Extract_PassiveWithRecords_HasRecordStatusAndTheAgentFromBy()
    {
        var claim = Single("American records show that 224 U.S. aircraft were shot down by Soviet MiG pilots.");

        Assert.Equal(("kills", "us", false, "ussr", ClaimStatus.Record), (claim.Measure, claim.Side, claim.IsSideInferred, claim.Agent, claim.Status));
    }

    [Fact]
    public void Extract_InsigniaParagraph_FindsBothValuesAndTheChangeCue()
    {
        var text = ClaimTestKit.SeedParagraph(ClaimTestKit.Milwaukee, 16);
        var claims = ClaimTestKit.Extractor.Extract(text).Where(c => c.Kind == ClaimKind.Attribute).ToList();

        Assert.Equal(2, claims.Count);
        Assert.Equal(("insignia", "dprk", "ussr", ClaimPhase.None), (claims[0].Attribute, claims[0].AttributeValue, claims[0].Side, claims[0].Phase));
        Assert.Equal(("insignia", "ussr", "ussr", ClaimPhase.Late), (claims[1].Attribute, claims[1].AttributeValue, claims[1].Side, claims[1].Phase));
        Assert.Equal("Soviet pilots eventually flew with their own insignia", text[claims[1].Start..claims[1].End]);
        Assert.Equal("their own", text[claims[1].ValueStart..claims[1].ValueEnd]);
        Assert.Contains("eventually", claims[1].Cues);
    }

    [Fact]
    public void Extract_SecondSourceInsignia_StatementIsTheClauseThatCarriesIt()
    {
        var text = ClaimTestKit.SeedParagraph(ClaimTestKit.Sangha, 3);
        var claim = Assert.Single(ClaimTestKit.Extractor.Extract(text), c => c.Kind == ClaimKind.Attribute);

        Assert.Equal("flying Migs with North Korean insignia", text[claim.Start..claim.End]);
        Assert.Equal(("dprk", "ussr", "North Korean"), (claim.AttributeValue, claim.Side, claim.Value));
    }

    [Fact]
    public void Extract_NegatedAttribute_IsMarkedNegated()
    {
        var claim = Assert.Single(ClaimTestKit.Extractor.Extract("Soviet pilots never flew with Soviet insignia during the Korean War."));

        Assert.True(claim.IsNegated);
        Assert.Equal("ussr", claim.AttributeValue);
    }

    [Fact]
    public void Extract_ReportedMyth_IsMarkedRebutted()
    {
        var claim = Single("It was long claimed that only a few dozen Soviet volunteer pilots took part, but this was a myth.");

        Assert.True(claim.IsRebutted);
    }

    [Fact]
    public void Extract_InitiallyCue_SetsTheEarlyPhase()
    {
        var claim = Single("Soviet regiments initially arrived with only 20 aircraft each.");

        Assert.Equal(ClaimPhase.Early, claim.Phase);
        Assert.Equal(PerScope.Unit, claim.Scope.Per);
    }

    [Fact]
    public void Extract_BaseOfANamedUnit_IsAPlaceAttribute()
    {
        var claim = Assert.Single(ClaimTestKit.Extractor.Extract("The 324th Fighter Aviation Division was based at Antung."));

        Assert.Equal(("base", "antung", "Antung"), (claim.Attribute, claim.AttributeValue, claim.Value));
        Assert.Equal("324 division", claim.Scope.Unit);
    }

    [Fact]
    public void Extract_FirstPatrolsParagraph_DatesTheFirstAppearance()
    {
        var text = ClaimTestKit.SeedParagraph(ClaimTestKit.Milwaukee, 10);

        var claim = Assert.Single(ClaimTestKit.Extractor.Extract(text), c => c.Kind == ClaimKind.Event);

        Assert.Equal(("first_appearance", "mig-15", "November 1950", "korea"), (claim.Attribute, claim.Thing, claim.Value, claim.AttributeValue));
        Assert.Equal(new TimeScope(TimeScopeKind.Period, 195011, 195011), claim.Time);
        Assert.StartsWith("The first MiG-15 combat patrols in the Korean theater began in November 1950", text[claim.Start..claim.End], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The first major engagements saw mixed results.")]
    [InlineData("MiG-15s appeared over Korea in 1950.")]
    [InlineData("MiG-15s had been active over Shanghai since April 1950.")]
    public void Extract_NoFirstEventWithADate_HasNoEventClaim(string text)
    {
        Assert.DoesNotContain(ClaimTestKit.Extractor.Extract(text), c => c.Kind == ClaimKind.Event);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("The museum displays 78 aircraft from the war.")]
    [InlineData("Milwaukee has about 560,000 residents.")]
    public void Extract_NoCheckableClaim_ReturnsEmpty(string text)
    {
        Assert.Empty(ClaimTestKit.Extractor.Extract(text));
    }

    [Fact]
    public void Extract_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ClaimTestKit.Extractor.Extract(null!));
    }
}
