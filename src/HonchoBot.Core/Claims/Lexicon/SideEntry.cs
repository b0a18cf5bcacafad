namespace HonchoBot.Core.Claims.Lexicon;

#pragma warning disable CA2227 // Collection properties are set by the deserialiser.

internal sealed class SideEntry
{
    public string Id { get; set; } = "";
    public string? Parent { get; set; }
    public string Label { get; set; } = "";
    public List<string> Terms { get; set; } = [];
    public bool Place { get; set; }
}
