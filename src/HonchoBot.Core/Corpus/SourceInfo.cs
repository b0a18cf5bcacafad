namespace HonchoBot.Core.Corpus;

/// <summary>A source's metadata, as in the corpus front matter (README.md, "Corpus format").</summary>
/// <param name="Id">Slug; the file name without extension unless the front matter sets one.</param>
/// <param name="Published">YYYY, YYYY-MM or YYYY-MM-DD, as written.</param>
/// <param name="CommunityId">Null for global sources (shipped corpus, CLI additions).</param>
/// <param name="IsShipped">True for files from a corpus directory (read-only at run time).</param>
public sealed record SourceInfo(
    string Id,
    string Title,
    string? Author = null,
    string? Publisher = null,
    string? Url = null,
    string? Published = null,
    string Language = "en",
    string? Notes = null,
    string? AddedBy = null,
    string? CommunityId = null,
    DateTimeOffset? AddedAt = null,
    bool IsShipped = false);

/// <summary>One block of body text with its human location (<c>¶3</c>, <c>p. 12</c>).</summary>
public sealed record SourceBlock(string Text, string Location);

/// <summary>A parsed source: metadata and its body as blocks, plus a content hash for the index manifest.</summary>
/// <param name="ContentHash">Hash of the file's bytes; a change triggers re-indexing of this source.</param>
public sealed record SourceDocument(SourceInfo Info, IReadOnlyList<SourceBlock> Blocks, string ContentHash);
