namespace HonchoBot.Core.Sources;

/// <summary>Which sources are hidden in a community (hiding a global source in a community hides it there only: docs/architecture.md).</summary>
public interface ISourceVisibility
{
    IReadOnlySet<string> HiddenIn(string? communityId);
}
