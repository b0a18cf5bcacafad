namespace HonchoBot.Core.Claims.Lexicon;

#pragma warning disable CA2227 // Collection properties are set by the deserialiser.

internal sealed class SuperlativeEntry
{
    public string Id { get; set; } = "";
    public string Label { get; set; } = "";
    public List<string> Cues { get; set; } = [];
    public List<string> QuestionTerms { get; set; } = [];
}
