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
