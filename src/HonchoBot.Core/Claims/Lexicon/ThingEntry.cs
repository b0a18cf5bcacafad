namespace HonchoBot.Core.Claims.Lexicon;

#pragma warning disable CA2227 // Collection properties are set by the deserialiser.

internal sealed class ThingEntry
{
    public string Id { get; set; } = "";
    public string? Parent { get; set; }
    public string Label { get; set; } = "";
    public List<string> Terms { get; set; } = [];
    public bool Family { get; set; }
    public string? Side { get; set; }
    public string? Measure { get; set; }
    public string? AgentScope { get; set; }
}
