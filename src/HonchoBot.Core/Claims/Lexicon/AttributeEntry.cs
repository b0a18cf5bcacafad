namespace HonchoBot.Core.Claims.Lexicon;

#pragma warning disable CA2227 // Collection properties are set by the deserialiser.

internal sealed class AttributeEntry
{
    public string Id { get; set; } = "";
    public string Label { get; set; } = "";
    public string Topic { get; set; } = "";
    public string ValueType { get; set; } = "";
    public string ValuePosition { get; set; } = "before";
    public bool RequiresUnit { get; set; }
    public List<string> Cues { get; set; } = [];
    public List<string> OwnTerms { get; set; } = [];
    public List<string> QuestionTerms { get; set; } = [];
}
