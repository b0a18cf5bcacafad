namespace HonchoBot.Core.Sources;

/// <summary>A source's metadata and the first lines of its text.</summary>
public sealed record SourceDetails(SourceSummary Summary, string? Author, string? Notes, string FirstLines);
