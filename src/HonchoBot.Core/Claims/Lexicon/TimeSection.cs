namespace HonchoBot.Core.Claims.Lexicon;

#pragma warning disable CA2227 // Collection properties are set by the deserialiser.

internal sealed class TimeSection
{
    public WarEntry War { get; set; } = new();
    public Dictionary<string, int> Months { get; set; } = [];
    public List<string> Whole { get; set; } = [];
    public List<string> Onset { get; set; } = [];
    public List<string> End { get; set; } = [];
    public List<string> DatePrepositions { get; set; } = [];
}
