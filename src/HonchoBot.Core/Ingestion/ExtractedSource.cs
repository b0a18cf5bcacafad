using HonchoBot.Core.Corpus;

namespace HonchoBot.Core.Ingestion;

/// <summary>Text and metadata found in a document; metadata the moderator gave wins over these.</summary>
/// <param name="Id">The id a Markdown file's front matter asks for; checked by the registry like any other.</param>
public sealed record ExtractedSource(
    IReadOnlyList<SourceBlock> Blocks,
    string? Title = null,
    string? Author = null,
    string? Publisher = null,
    string? Url = null,
    string? Published = null,
    string? Notes = null,
    string? Id = null);
