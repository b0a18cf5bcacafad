namespace HonchoBot.Core.Claims.Lexicon;

/// <summary>An attribute with exclusive values (the markings on aircraft, where a unit was based).</summary>
internal sealed record AttributeInfo(string Id, string Label, string Topic, bool IsSideValued, bool IsValueBefore, bool RequiresUnit);

/// <summary>
/// An event type whose date sources may give differently: of a thing ("first appearance") or of a person ("death",
/// "first combat"); <see cref="Ordinal"/> must come shortly before the cue ("first … battle").
/// </summary>
internal sealed record EventInfo(string Id, string Label, string Topic, bool IsAboutPerson, string[]? Ordinal, bool IsAnchored);

/// <summary>Where a tally anchor places an event relative to the victory it names.</summary>
internal enum TallyRelation
{
    After,
    SameDay,
    Before,
}

/// <summary>A superlative role: who or which unit is "the top scorer" or "the first" of a set.</summary>
internal sealed record SuperlativeInfo(string Id, string Label);

/// <summary>A military rank; <see cref="Parent"/> is the wider rank it is a grade of.</summary>
internal sealed class RankInfo(string id, string label) : IHierarchyNode<RankInfo>
{
    public string Id { get; } = id;
    public string Label { get; } = label;
    public RankInfo? Parent { get; set; }
}
