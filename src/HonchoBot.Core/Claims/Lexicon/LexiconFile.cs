namespace HonchoBot.Core.Claims.Lexicon;

// The JSON shape of claim-lexicon.json. Plain settable classes: System.Text.Json fills them, ClaimLexicon
// validates them and compiles them into matchers once at start-up.
#pragma warning disable CA2227 // Collection properties are set by the deserialiser.

internal sealed class LexiconFile
{
    public int Version { get; set; }
    public NumbersSection Numbers { get; set; } = new();
    public List<VagueEntry> Vague { get; set; } = [];
    public List<BoundEntry> Bounds { get; set; } = [];
    public double ApproxWidening { get; set; } = 0.1;
    public List<string> RangeJoiners { get; set; } = [];
    public List<string> DesignatorPrefixes { get; set; } = [];
    public List<SideEntry> Sides { get; set; } = [];
    public List<List<string>> Opposing { get; set; } = [];
    public List<string> EnemyTerms { get; set; } = [];
    public List<ThingEntry> Things { get; set; } = [];
    public List<MeasureGroupEntry> MeasureGroups { get; set; } = [];
    public List<MeasureEntry> Measures { get; set; } = [];
    public List<ScopeEntry> Scopes { get; set; } = [];
    public List<string> PerUnit { get; set; } = [];

    /// <summary>Words that make a figure one person's tally ("the top ace … 16 victories"), never a force total.</summary>
    public List<string> PerPerson { get; set; } = [];

    /// <summary>Title-case words that are never part of a person's name ("Air Force", "Yalu River", "Fighter Wing").</summary>
    public List<string> NotNames { get; set; } = [];
    public List<string> Rate { get; set; } = [];
    public List<string> Peak { get; set; } = [];
    public string? CountQuestionGroup { get; set; }
    public List<UnitEntry> Units { get; set; } = [];
    public List<string> EpisodeNouns { get; set; } = [];
    public List<EpisodeEntry> Episodes { get; set; } = [];

    /// <summary>Nouns that make a dated clause one engagement ("raid", "battle"), not a period.</summary>
    public List<string> EngagementNouns { get; set; } = [];

    /// <summary>"that morning", "the next day": a figure pinned to a moment told elsewhere, not a total.</summary>
    public List<string> TimeAnaphora { get; set; } = [];

    /// <summary>"bringing his total to": a running total at a moment, not a final tally.</summary>
    public List<string> RunningTotals { get; set; } = [];

    /// <summary>"our", "we": the source speaking for the side it names most.</summary>
    public List<string> FirstPerson { get; set; } = [];

    /// <summary>"they" as a subject: the side the previous sentence began with.</summary>
    public List<string> SidePronouns { get; set; } = [];

    /// <summary>"of which", "among which": the figure after is a part of the figure before.</summary>
    public List<string> SubsetMarkers { get; set; } = [];

    /// <summary>"were", "was": skipped between a part's figure and its counted thing ("of which 811 were MiGs").</summary>
    public List<string> Copulas { get; set; } = [];

    public PersonsSection Persons { get; set; } = new();

    /// <summary>Superlative roles ("top scorer", "first") and the words that name them.</summary>
    public List<SuperlativeEntry> Superlatives { get; set; } = [];

    /// <summary>Things a superlative may rank: people and units ("the top ace", "the highest-scoring regiment").</summary>
    public List<string> SuperlativeClasses { get; set; } = [];

    /// <summary>Words that tie a person or unit to a superlative ("X was the top ace", "making him the first").</summary>
    public List<string> SuperlativeLinks { get; set; } = [];

    /// <summary>"third leading ace": a place other than the first.</summary>
    public Dictionary<string, int> RankOrdinals { get; set; } = [];

    /// <summary>Words that tie a person or a unit to the unit it belongs to ("flew with", "part of", "commander of").</summary>
    public List<string> Membership { get; set; } = [];

    /// <summary>How an event is placed in a person's tally ("on the day of his eighth victory", "after his ninth").</summary>
    public TallyAnchorsSection TallyAnchors { get; set; } = new();

    /// <summary>Kill ratios ("a kill ratio of about 8:1", "ten to one").</summary>
    public RatiosSection Ratios { get; set; } = new();

    /// <summary>"of those pilots": the group the sentence before named.</summary>
    public List<string> GroupPronouns { get; set; } = [];
    public List<WarEntry> Wars { get; set; } = [];
    public List<EpistemicEntry> Epistemic { get; set; } = [];
    public List<string> Negation { get; set; } = [];
    public List<string> Rebuttal { get; set; } = [];
    public List<ChangeEntry> Change { get; set; } = [];
    public TimeSection Time { get; set; } = new();
    public List<PlaceEntry> Places { get; set; } = [];
    public List<AttributeEntry> Attributes { get; set; } = [];
    public List<EventEntry> Events { get; set; } = [];
    public List<string> ClauseBreaks { get; set; } = [];
    public List<string> Abbreviations { get; set; } = [];

    /// <summary>Words that end the noun phrase after a figure ("of", "were", "while"…).</summary>
    public List<string> NounPhraseStops { get; set; } = [];

    /// <summary>What kind of answer a question asks for: a count, a date, or something else.</summary>
    public QuestionsSection Questions { get; set; } = new();

    /// <summary>Words before a date that make a figure a total up to it ("by 12 April 1951"), not that day's.</summary>
    public List<string> CumulativeDatePrepositions { get; set; } = [];

    /// <summary>What introduces the agent of a passive ("were shot down by Soviet pilots").</summary>
    public List<string> AgentMarkers { get; set; } = [];
}

internal sealed class NumbersSection
{
    public Dictionary<string, long> Units { get; set; } = [];
    public Dictionary<string, long> Tens { get; set; } = [];
    public Dictionary<string, long> Scales { get; set; } = [];
    public Dictionary<string, long> Informal { get; set; } = [];
    public List<int> YearRange { get; set; } = [1800, 2099];

    /// <summary>Number words that are not a count on their own ("one pilot committed suicide").</summary>
    public List<string> NotAlone { get; set; } = [];
}

internal sealed class VagueEntry
{
    public string Phrase { get; set; } = "";
    public double Low { get; set; }
    public double High { get; set; }
}

internal sealed class BoundEntry
{
    public string Phrase { get; set; } = "";
    public string Kind { get; set; } = "";
    public bool After { get; set; }
}

internal sealed class SideEntry
{
    public string Id { get; set; } = "";
    public string? Parent { get; set; }
    public string Label { get; set; } = "";
    public List<string> Terms { get; set; } = [];
    public bool Place { get; set; }
}

internal sealed class ThingEntry
{
    public string Id { get; set; } = "";
    public string? Parent { get; set; }
    public string Label { get; set; } = "";
    public List<string> Terms { get; set; } = [];
    public bool Family { get; set; }
    public string? Side { get; set; }
    public string? Measure { get; set; }
    public string? AgentScope { get; set; }
}

internal sealed class MeasureGroupEntry
{
    public string Id { get; set; } = "";
    public string Topic { get; set; } = "";

    /// <summary>An agent's kind implies the cause of the group's figures ("pilots shot down" → air-to-air).</summary>
    public bool CauseFromAgent { get; set; }
}

internal sealed class MeasureEntry
{
    public string Id { get; set; } = "";
    public string Group { get; set; } = "";
    public string Perspective { get; set; } = "owner";
    public string Label { get; set; } = "";
    public string? Status { get; set; }
    public List<string> Terms { get; set; } = [];
    public Dictionary<string, string> ImpliesThing { get; set; } = [];
}

internal sealed class ScopeEntry
{
    public string Id { get; set; } = "";
    public string Group { get; set; } = "";
    public string Label { get; set; } = "";
    public List<string> Terms { get; set; } = [];
    public string? ImpliesThing { get; set; }
}

internal sealed class EpistemicEntry
{
    public string Id { get; set; } = "";
    public string Class { get; set; } = "";
    public List<string> Terms { get; set; } = [];
}

internal sealed class ChangeEntry
{
    public string Phase { get; set; } = "";
    public List<string> Terms { get; set; } = [];
}

internal sealed class TimeSection
{
    public WarEntry War { get; set; } = new();
    public Dictionary<string, int> Months { get; set; } = [];
    public List<string> Whole { get; set; } = [];
    public List<string> Onset { get; set; } = [];
    public List<string> End { get; set; } = [];
    public List<string> DatePrepositions { get; set; } = [];
}

internal sealed class WarEntry
{
    public string Id { get; set; } = "";
    public string Label { get; set; } = "";
    public List<string> Terms { get; set; } = [];
    public string From { get; set; } = "";
    public string To { get; set; } = "";
}

internal sealed class UnitEntry
{
    public string Level { get; set; } = "";
    public List<string> Terms { get; set; } = [];
}

internal sealed class EpisodeEntry
{
    public string Id { get; set; } = "";
    public string Label { get; set; } = "";
    public List<string> Terms { get; set; } = [];

    /// <summary>The day it happened (YYYY-MM-DD): a source that gives the date instead of the name means the same event.</summary>
    public string? Date { get; set; }
}

internal sealed class SuperlativeEntry
{
    public string Id { get; set; } = "";
    public string Label { get; set; } = "";
    public List<string> Cues { get; set; } = [];
    public List<string> QuestionTerms { get; set; } = [];
}

internal sealed class TallyAnchorsSection
{
    public Dictionary<string, int> Ordinals { get; set; } = [];
    public List<string> Nouns { get; set; } = [];
    public List<string> After { get; set; } = [];
    public List<string> SameDay { get; set; } = [];
    public List<string> Before { get; set; } = [];
}

internal sealed class RatiosSection
{
    public List<string> Cues { get; set; } = [];

    /// <summary>What stands between the two terms of a ratio (":", "to", hyphens allowed around it).</summary>
    public List<string> Joiners { get; set; } = [];
    public List<string> QuestionTerms { get; set; } = [];
}

internal sealed class QuestionsSection
{
    /// <summary>"how many", "number of": the question asks a count (and introduces the counted thing).</summary>
    public List<string> Count { get; set; } = [];

    /// <summary>"when", "what year": the question asks a date.</summary>
    public List<string> Date { get; set; } = [];

    /// <summary>"who", "where", "which": the question asks for something other than a count or a date.</summary>
    public List<string> Other { get; set; } = [];

    /// <summary>"who", "which": the question asks for a person or a unit.</summary>
    public List<string> Who { get; set; } = [];

    /// <summary>"ratio", "%": a question about a ratio or share is not answered by a count.</summary>
    public List<string> NotCounts { get; set; } = [];

    /// <summary>"what rank": the question asks a person's rank.</summary>
    public List<string> Rank { get; set; } = [];

    /// <summary>"after which kill": the question asks where in a person's tally something happened.</summary>
    public List<string> Tally { get; set; } = [];

    /// <summary>"fighting over", "in the raid": the question is about one engagement, not the whole war.</summary>
    public List<string> Engagement { get; set; } = [];
}

internal sealed class RankEntry
{
    public string Id { get; set; } = "";

    /// <summary>A wider rank this one is a grade of ("first lieutenant" is a "lieutenant").</summary>
    public string? Parent { get; set; }
    public string Label { get; set; } = "";
    public List<string> Terms { get; set; } = [];
}

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

internal sealed class PlaceEntry
{
    public string Id { get; set; } = "";
    public string? Parent { get; set; }
    public string Label { get; set; } = "";
    public List<string> Terms { get; set; } = [];
}

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
