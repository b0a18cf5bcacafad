namespace HonchoBot.Core.Claims.Lexicon;

/// <summary>A place of the lexicon's containment hierarchy (Antung ⊂ Manchuria ⊂ China).</summary>
internal sealed class PlaceInfo(string id, string label)
{
    public string Id { get; } = id;
    public string Label { get; } = label;
    public PlaceInfo? Parent { get; set; }

    public bool IsWithin(PlaceInfo outer)
    {
        for (var p = Parent; p is not null; p = p.Parent)
        {
            if (p == outer)
            {
                return true;
            }
        }

        return false;
    }
}
