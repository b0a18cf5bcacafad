namespace HonchoBot.Core.Claims.Lexicon;

#pragma warning disable CA2227 // Collection properties are set by the deserialiser.

internal sealed class RatiosSection
{
    public List<string> Cues { get; set; } = [];

    /// <summary>What stands between the two terms of a ratio (":", "to", hyphens allowed around it).</summary>
    public List<string> Joiners { get; set; } = [];
    public List<string> QuestionTerms { get; set; } = [];
}
