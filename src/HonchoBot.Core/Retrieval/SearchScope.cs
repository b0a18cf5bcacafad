namespace HonchoBot.Core.Retrieval;

/// <summary>Which sources a question may see: the global library, plus its community's, minus hidden ones.</summary>
public sealed record SearchScope(string? CommunityId, IReadOnlySet<string> HiddenSourceIds)
{
    public static SearchScope Global { get; } = new(null, new HashSet<string>());
}
