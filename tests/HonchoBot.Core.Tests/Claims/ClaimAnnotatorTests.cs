using System.Text.RegularExpressions;
using HonchoBot.Core.Claims;
using Moq;

namespace HonchoBot.Core.Tests.Claims;

public sealed class ClaimAnnotatorTests
{
    private static readonly ClaimLexicon Lexicon = ClaimLexicon.LoadDefault();

    [Fact]
    public void Annotate_ExtractionTimesOut_IndexesThePassageWithoutClaims()
    {
        var extractor = new Mock<IClaimExtractor>();
        extractor.Setup(e => e.Extract(It.IsAny<string>())).Throws(new RegexMatchTimeoutException("x", "y", TimeSpan.FromSeconds(1)));

        Assert.Null(new ClaimAnnotator(Lexicon, extractor.Object).Annotate("The Soviet Airforce lost 335 planes."));
    }

    [Fact]
    public void Annotate_PassageWithAFigure_StoresClaimsThatReadBack()
    {
        const string text = "The Soviet Airforce lost 335 planes and 120 pilots.";
        var json = new ClaimAnnotator(Lexicon, new ClaimExtractor(Lexicon)).Annotate(text);

        Assert.True(ClaimJson.TryDeserialize(json, out var claims, out var error), error);
        Assert.Contains(claims, c => c.Value == "335");
    }

    [Fact]
    public void Version_ChangesWithTheLexicon()
    {
        var edited = ClaimLexicon.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "lexicons", "claim-lexicon.json")).Concat("\n"u8.ToArray()).ToArray());

        Assert.NotEqual(new ClaimAnnotator(Lexicon, new ClaimExtractor(Lexicon)).Version, new ClaimAnnotator(edited, new ClaimExtractor(edited)).Version);
    }
}
