using System.Security.Cryptography;
using System.Text;
using HonchoBot.Core.Claims;

namespace HonchoBot.Core.Tests.Claims;

public sealed class ClaimLexiconTests
{
    private static string DefaultJson() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "lexicons", ClaimLexicon.FileName));

    [Fact]
    public void LoadDefault_ShippedFile_LoadsWithAStableHash()
    {
        var lexicon = ClaimLexicon.LoadDefault();
        var again = ClaimLexicon.Parse(Encoding.UTF8.GetBytes(DefaultJson()));

        Assert.Matches("^[0-9a-f]{64}$", lexicon.Hash);
        Assert.Equal(lexicon.Hash, again.Hash);
        Assert.Equal(1, lexicon.FileVersion);
    }

    [Fact]
    public void Hash_CoversTheRulesSourceAsWellAsTheFile()
    {
        var bytes = Encoding.UTF8.GetBytes(DefaultJson());

        var lexicon = ClaimLexicon.Parse(bytes);

        Assert.Matches("^[0-9a-f]{64}$", ClaimLexicon.RulesHash);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(bytes)), lexicon.Hash);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([.. Encoding.ASCII.GetBytes($"rules:{ClaimLexicon.RulesHash}\n"), .. bytes])), lexicon.Hash);
    }

    [Fact]
    public void Parse_UnknownEpistemicClass_NamesTheProblem()
    {
        var json = DefaultJson().Replace("\"class\": \"estimate\"", "\"class\": \"rumour\"", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => ClaimLexicon.Parse(Encoding.UTF8.GetBytes(json), "test.json"));

        Assert.Contains("'rumour'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AddedTerm_ChangesTheHash()
    {
        var json = DefaultJson().Replace("\"terms\": [\"bomber\"]", "\"terms\": [\"bomber\", \"heavy bomber\"]", StringComparison.Ordinal);

        var changed = ClaimLexicon.Parse(Encoding.UTF8.GetBytes(json));

        Assert.NotEqual(ClaimTestKit.Lexicon.Hash, changed.Hash);
    }

    [Fact]
    public void Parse_ModeratorAddsACountedThing_ItIsExtractedWithoutCodeChanges()
    {
        var json = DefaultJson().Replace(
            "{\"id\": \"airfield\",",
            "{\"id\": \"tank\", \"label\": \"tanks\", \"terms\": [\"tank\", \"T-34\"], \"side\": \"communist\"},\n    {\"id\": \"airfield\",",
            StringComparison.Ordinal);
        var lexicon = ClaimLexicon.Parse(Encoding.UTF8.GetBytes(json));

        var claims = new ClaimExtractor(lexicon).Extract("B-26 crews claimed 120 T-34 tanks destroyed.");

        var claim = Assert.Single(claims);
        Assert.Equal(("tank", "kills", "120"), (claim.Thing, claim.Measure, claim.Value));
        Assert.Empty(ClaimTestKit.Extractor.Extract("B-26 crews claimed 120 T-34 tanks destroyed."));
    }

    [Fact]
    public void Parse_UnknownParent_NamesTheProblem()
    {
        var json = DefaultJson().Replace("\"parent\": \"un\", \"label\": \"U.S.\"", "\"parent\": \"nato\", \"label\": \"U.S.\"", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => ClaimLexicon.Parse(Encoding.UTF8.GetBytes(json), "test.json"));

        Assert.Contains("test.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown parent 'nato'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedJson_IsAnInvalidDataException()
    {
        Assert.Throws<InvalidDataException>(() => ClaimLexicon.Parse("{ not json"u8));
    }

    [Fact]
    public void Load_MissingFile_SaysWhichFile()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ClaimLexicon.Load("/nonexistent/claim-lexicon.json"));

        Assert.Contains("/nonexistent/claim-lexicon.json", error.Message, StringComparison.Ordinal);
    }
}
