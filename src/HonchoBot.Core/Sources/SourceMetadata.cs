namespace HonchoBot.Core.Sources;

/// <summary>Optional metadata; missing titles are taken from the document.</summary>
/// <param name="Id">The id wanted for the source (a slug, not yet taken); default: the document's front matter, else one made from the title.</param>
public sealed record SourceMetadata(
    string? Title = null,
    string? Author = null,
    string? Publisher = null,
    string? Url = null,
    string? Published = null,
    string? Notes = null,
    string? Id = null);
