namespace HonchoBot.Core.Claims.Lexicon;

#pragma warning disable CA2227 // Collection properties are set by the deserialiser.

internal sealed class NumbersSection
{
    public Dictionary<string, long> Units { get; set; } = [];
    public Dictionary<string, long> Tens { get; set; } = [];
    public Dictionary<string, long> Scales { get; set; } = [];
    public Dictionary<string, long> Informal { get; set; } = [];
    public List<int> YearRange { get; set; } = [1800, 2099];

    /// <summary>Number words that are not a count on their own ("one pilot committed suicide").</summary>
    public List<string> NotAlone { get; set; } = [];
}
