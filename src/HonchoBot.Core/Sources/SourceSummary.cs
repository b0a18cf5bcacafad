namespace HonchoBot.Core.Sources;

/// <summary>One line of the library listing.</summary>
public sealed record SourceSummary(
    string Id,
    string Title,
    string? Publisher,
    string? Published,
    string? Url,
    string? AddedBy,
    DateTimeOffset? AddedAt,
    int Passages,
    bool IsShipped,
    bool IsHidden,
    string? CommunityId);
