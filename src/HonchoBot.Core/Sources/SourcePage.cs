namespace HonchoBot.Core.Sources;

/// <summary>One page of the library, 1-based.</summary>
public sealed record SourcePage(IReadOnlyList<SourceSummary> Items, int Page, int PageCount, int Total);
