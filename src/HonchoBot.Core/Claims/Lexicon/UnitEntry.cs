namespace HonchoBot.Core.Claims.Lexicon;

#pragma warning disable CA2227 // Collection properties are set by the deserialiser.

internal sealed class UnitEntry
{
    public string Level { get; set; } = "";
    public List<string> Terms { get; set; } = [];
}
