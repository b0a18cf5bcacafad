namespace HonchoBot.Core.Claims.Lexicon;

#pragma warning disable CA2227 // Collection properties are set by the deserialiser.

internal sealed class MeasureEntry
{
    public string Id { get; set; } = "";
    public string Group { get; set; } = "";
    public string Perspective { get; set; } = "owner";
    public string Label { get; set; } = "";
    public string? Status { get; set; }
    public List<string> Terms { get; set; } = [];
    public Dictionary<string, string> ImpliesThing { get; set; } = [];
}
