namespace HonchoBot.Core.Claims.Lexicon;

#pragma warning disable CA2227 // Collection properties are set by the deserialiser.

internal sealed class EpistemicEntry
{
    public string Id { get; set; } = "";
    public string Class { get; set; } = "";
    public List<string> Terms { get; set; } = [];
}
