namespace HonchoBot.Core.Claims.Lexicon;

/// <summary>An actor of the lexicon's side hierarchy (U.S. ⊂ UN; Soviet ⊂ communist).</summary>
internal sealed class SideInfo(string id, string label, bool isPlace) : IHierarchyNode<SideInfo>
{
    public string Id { get; } = id;
    public string Label { get; } = label;
    public bool IsPlace { get; } = isPlace;
    public SideInfo? Parent { get; set; }
    public SideInfo? Opponent { get; set; }

    /// <summary>The actor a place stands for ("China" the place → the Chinese side).</summary>
    public SideInfo Actor => IsPlace && Parent is not null ? Parent : this;

    public SideInfo Root
    {
        get
        {
            var s = this;
            while (s.Parent is not null)
            {
                s = s.Parent;
            }

            return s;
        }
    }

    public SideInfo? OpponentOf => Root.Opponent;
}

/// <summary>A side term; <see cref="Side"/> is null for "enemy" (the opponent of whoever acts).</summary>
internal sealed record SideTerm(SideInfo? Side);
