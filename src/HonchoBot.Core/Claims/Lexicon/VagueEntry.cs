namespace HonchoBot.Core.Claims.Lexicon;

#pragma warning disable CA2227 // Collection properties are set by the deserialiser.

internal sealed class VagueEntry
{
    public string Phrase { get; set; } = "";
    public double Low { get; set; }
    public double High { get; set; }
}
