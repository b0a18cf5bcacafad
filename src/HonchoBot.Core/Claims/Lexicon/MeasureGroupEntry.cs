namespace HonchoBot.Core.Claims.Lexicon;

#pragma warning disable CA2227 // Collection properties are set by the deserialiser.

internal sealed class MeasureGroupEntry
{
    public string Id { get; set; } = "";
    public string Topic { get; set; } = "";

    /// <summary>An agent's kind implies the cause of the group's figures ("pilots shot down" → air-to-air).</summary>
    public bool CauseFromAgent { get; set; }
}
