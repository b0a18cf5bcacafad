namespace HonchoBot.Core.Claims.Lexicon;

#pragma warning disable CA2227 // Collection properties are set by the deserialiser.

internal sealed class EpisodeEntry
{
    public string Id { get; set; } = "";
    public string Label { get; set; } = "";
    public List<string> Terms { get; set; } = [];

    /// <summary>The day it happened (YYYY-MM-DD): a source that gives the date instead of the name means the same event.</summary>
    public string? Date { get; set; }
}
