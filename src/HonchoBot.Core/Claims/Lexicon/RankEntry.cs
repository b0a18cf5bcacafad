namespace HonchoBot.Core.Claims.Lexicon;

#pragma warning disable CA2227 // Collection properties are set by the deserialiser.

internal sealed class RankEntry
{
    public string Id { get; set; } = "";

    /// <summary>A wider rank this one is a grade of ("first lieutenant" is a "lieutenant").</summary>
    public string? Parent { get; set; }
    public string Label { get; set; } = "";
    public List<string> Terms { get; set; } = [];
}
