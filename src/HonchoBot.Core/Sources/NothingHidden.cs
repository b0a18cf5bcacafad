namespace HonchoBot.Core.Sources;

/// <summary>Nothing hidden: the CLI before the registry keeps a hidden list.</summary>
public sealed class NothingHidden : ISourceVisibility
{
    private static readonly HashSet<string> Empty = [];

    public IReadOnlySet<string> HiddenIn(string? communityId) => Empty;
}
