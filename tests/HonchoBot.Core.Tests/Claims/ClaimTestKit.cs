using HonchoBot.Core.Claims;

namespace HonchoBot.Core.Tests.Claims;

/// <summary>The shipped lexicon (copied beside the test binary) and the founding sources as passages.</summary>
internal static class ClaimTestKit
{
    public const string Milwaukee = "milwaukee-independent-mig-graves";
    public const string Sangha = "sangha-kommune-soviet-casualties";

    private static readonly Lazy<ClaimLexicon> LazyLexicon = new(ClaimLexicon.LoadDefault);

    public static ClaimLexicon Lexicon => LazyLexicon.Value;

    public static ClaimExtractor Extractor { get; } = new(Lexicon);

    public static DisagreementFinder Finder { get; } = new(Lexicon);

    /// <summary>The n-th non-empty line (from 1) of a founding source: one paragraph.</summary>
    public static string SeedParagraph(string seed, int n) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds", seed + ".txt"))
            .Where(l => l.Trim().Length > 0)
            .ElementAt(n - 1);

    public static IReadOnlyList<string> SeedParagraphs(string seed) =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds", seed + ".txt")).Where(l => l.Trim().Length > 0)];

    public static ClaimEvidence Evidence(string sourceId, string text, int ordinal = 0, double score = 1) =>
        new($"{sourceId}#{ordinal}", sourceId, text, ClaimJson.Deserialize(ClaimJson.Serialize(Extractor.Extract(text))), score);

    public static ClaimEvidence Seed(string seed, int paragraph) => Evidence(seed, SeedParagraph(seed, paragraph), paragraph - 1);

    public static string Describe(Claim c, string text) =>
        $"[{c.Kind}] \"{text[c.Start..c.End]}\" v={c.Value} [{c.Low},{c.High}] thing={c.Thing} m={c.Measure} side={c.Side}{(c.IsSideInferred ? "?" : "")} ag={c.Agent} " +
        $"time={c.Time} scope={string.Join('|', c.Scope)} st={c.Status} ph={c.Phase} neg={c.IsNegated} reb={c.IsRebutted} attr={c.Attribute}={c.AttributeValue} cues={string.Join('|', c.Cues)}";
}
