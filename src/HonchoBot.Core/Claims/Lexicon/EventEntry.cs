namespace HonchoBot.Core.Claims.Lexicon;

#pragma warning disable CA2227 // Collection properties are set by the deserialiser.

internal sealed class EventEntry
{
    public string Id { get; set; } = "";
    public string Label { get; set; } = "";
    public string Topic { get; set; } = "";

    /// <summary>"thing" (when MiG-15s first appeared) or "person" (when McConnell died).</summary>
    public string Subject { get; set; } = "thing";

    /// <summary>A word that must come shortly before a cue ("first" before "battle").</summary>
    public string? Ordinal { get; set; }

    /// <summary>The event may be placed by a person's tally instead of a date ("after his ninth victory").</summary>
    public bool Anchored { get; set; }
    public List<string> Cues { get; set; } = [];

    /// <summary>Words that ask about the event in a question; person events are asked by their own cues.</summary>
    public List<string> QuestionTerms { get; set; } = [];
}
#pragma warning restore CA2227
