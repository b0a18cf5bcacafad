namespace HonchoBot.Core.Sources;

/// <summary>Which sources are hidden in a community (hiding a global source in a community hides it there only: docs/architecture.md).</summary>
public interface ISourceVisibility
{
    IReadOnlySet<string> HiddenIn(string? communityId);
}

/// <summary>Nothing hidden: the CLI before the registry keeps a hidden list.</summary>
public sealed class NothingHidden : ISourceVisibility
{
    private static readonly HashSet<string> Empty = [];

    public IReadOnlySet<string> HiddenIn(string? communityId) => Empty;
}
