namespace HonchoBot.Core.Claims.Lexicon;

/// <summary>A place of the lexicon's containment hierarchy (Antung ⊂ Manchuria ⊂ China).</summary>
internal sealed class PlaceInfo(string id, string label) : IHierarchyNode<PlaceInfo>
{
    public string Id { get; } = id;
    public string Label { get; } = label;
    public PlaceInfo? Parent { get; set; }
}
