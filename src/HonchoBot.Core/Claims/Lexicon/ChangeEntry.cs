namespace HonchoBot.Core.Claims.Lexicon;

#pragma warning disable CA2227 // Collection properties are set by the deserialiser.

internal sealed class ChangeEntry
{
    public string Phase { get; set; } = "";
    public List<string> Terms { get; set; } = [];
}
