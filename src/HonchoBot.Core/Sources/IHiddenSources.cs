namespace HonchoBot.Core.Sources;

/// <summary>
/// Which sources are hidden where, and the way to change it: <see cref="HiddenSourceList"/>
/// (<c>{data}/hidden-sources.json</c>) in <c>files</c> mode, the <c>hidden_sources</c> table in <c>postgres</c>
/// mode. A community's questions skip its own hidden ids and the global ones.
/// </summary>
public interface IHiddenSources : ISourceVisibility
{
    /// <summary>True when <paramref name="sourceId"/> is hidden by this community's own list (global for null).</summary>
    bool IsHiddenBy(string? communityId, string sourceId);

    /// <summary>Hides or unhides; false when nothing changed.</summary>
    bool Set(string? communityId, string sourceId, bool hidden);
}
