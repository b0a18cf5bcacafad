namespace HonchoBot.Core.Claims.Lexicon;

#pragma warning disable CA2227 // Collection properties are set by the deserialiser.

internal sealed class BoundEntry
{
    public string Phrase { get; set; } = "";
    public string Kind { get; set; } = "";
    public bool After { get; set; }
}
