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

/// <summary>An extraction, or why the document was refused (a message fit for the requester).</summary>
public sealed record ExtractionResult(ExtractedSource? Source, string? Error, bool IsTooLarge = false)
{
    public static ExtractionResult Fail(string error) => new(null, error);

    public static ExtractionResult TooLarge(string error) => new(null, error, IsTooLarge: true);
}
