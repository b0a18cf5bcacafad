namespace HonchoBot.Core.Claims.Lexicon;

#pragma warning disable CA2227 // Collection properties are set by the deserialiser.

internal sealed class PersonsSection
{
    /// <summary>Military ranks before a name ("Capt.", "Lt. Col."), each with its spellings.</summary>
    public List<RankEntry> Ranks { get; set; } = [];

    /// <summary>Titles before a name that are not ranks ("Dr.", "President").</summary>
    public List<string> Titles { get; set; } = [];
    public List<string> Suffixes { get; set; } = [];
    public List<string> Pronouns { get; set; } = [];

    /// <summary>Capitalised words that never start a name ("The", "Although").</summary>
    public List<string> NameStops { get; set; } = [];

    /// <summary>Words after a lone capitalised word that make it a person ("… scored", "… who").</summary>
    public List<string> FollowVerbs { get; set; } = [];

    /// <summary>Words before a lone capitalised word that make it a person ("… was Pepelyaev.", "credit Sutiagin").</summary>
    public List<string> LeadVerbs { get; set; } = [];

    /// <summary>Spelling folds applied in order, so transliterations meet ("zh" → "j", "y" → "i").</summary>
    public List<List<string>> Spelling { get; set; } = [];
}
