namespace HonchoBot.Core.Claims.Lexicon;

/// <summary>A node of one of the lexicon's hierarchies (sides, things, places, ranks).</summary>
internal interface IHierarchyNode<T>
    where T : class, IHierarchyNode<T>
{
    T? Parent { get; set; }
}

/// <summary>Building and walking the lexicon's hierarchies, which all work the same way.</summary>
internal static class Hierarchy
{
    /// <summary>Is <paramref name="node"/> strictly inside <paramref name="ancestor"/>?</summary>
    public static bool IsWithin<T>(this T node, T ancestor)
        where T : class, IHierarchyNode<T>
    {
        for (var n = node.Parent; n is not null; n = n.Parent)
        {
            if (n == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The nodes of a lexicon section by id, each linked to its parent; throws <see cref="InvalidDataException"/>
    /// naming the section (<paramref name="what"/>) for a missing or repeated id or an unknown parent.
    /// </summary>
    public static Dictionary<string, T> Build<TEntry, T>(IEnumerable<TEntry> entries, string what, Func<TEntry, string> id, Func<TEntry, string?> parent, Func<TEntry, T> create)
        where T : class, IHierarchyNode<T>
    {
        var list = entries.ToList();
        var nodes = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entry in list)
        {
            if (string.IsNullOrWhiteSpace(id(entry)))
            {
                throw new InvalidDataException($"a {what} has no id");
            }

            if (!nodes.TryAdd(id(entry), create(entry)))
            {
                throw new InvalidDataException($"{what} '{id(entry)}' is listed twice");
            }
        }

        foreach (var entry in list)
        {
            if (parent(entry) is not { } parentId)
            {
                continue;
            }

            nodes[id(entry)].Parent = nodes.TryGetValue(parentId, out var node)
                ? node
                : throw new InvalidDataException($"{what} '{id(entry)}' has unknown parent '{parentId}'");
        }

        return nodes;
    }
}
