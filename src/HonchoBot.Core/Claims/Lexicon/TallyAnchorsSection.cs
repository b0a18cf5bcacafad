namespace HonchoBot.Core.Claims.Lexicon;

#pragma warning disable CA2227 // Collection properties are set by the deserialiser.

internal sealed class TallyAnchorsSection
{
    public Dictionary<string, int> Ordinals { get; set; } = [];
    public List<string> Nouns { get; set; } = [];
    public List<string> After { get; set; } = [];
    public List<string> SameDay { get; set; } = [];
    public List<string> Before { get; set; } = [];
}
