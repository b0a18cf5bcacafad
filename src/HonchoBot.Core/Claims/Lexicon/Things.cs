namespace HonchoBot.Core.Claims.Lexicon;

/// <summary>A counted thing of the lexicon's hierarchy (MiG-15 ⊂ MiG ⊂ jet fighter ⊂ fighter ⊂ aircraft).</summary>
internal sealed class ThingInfo(string id, string label, bool isFamily, SideInfo? side, string? defaultMeasure, string? agentScope) : IHierarchyNode<ThingInfo>
{
    public string Id { get; } = id;
    public string Label { get; } = label;
    public bool IsFamily { get; } = isFamily;
    public SideInfo? Side { get; } = side;
    public string? DefaultMeasure { get; } = defaultMeasure;

    /// <summary>The cause an agent of this kind implies ("pilots shot down" → air-to-air); inherited from the parent.</summary>
    public string? AgentScope => agentScope ?? Parent?.AgentScope;

    public ThingInfo? Parent { get; set; }
}
