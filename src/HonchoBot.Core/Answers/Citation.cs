namespace HonchoBot.Core.Answers;

/// <summary>One cited excerpt and where it comes from.</summary>
/// <param name="N">Citation number as shown to users: 1–3, or 4–5 when a disagreement needs more.</param>
/// <param name="Location"><c>¶N</c> (body paragraph, from 1) or <c>p. N</c> (PDF page).</param>
/// <param name="PassageId"><c>{sourceId}#{ordinal}</c>, stable across rebuilds of the same text.</param>
/// <param name="Excerpt">Whole sentences copied verbatim from the stored source text; no markup.</param>
/// <param name="Notes">
/// The source's own notes (its perspective, provenance or caveats, e.g. an openly partisan standpoint), shown
/// beside every citation of it; null when the source has none.
/// </param>
public sealed record Citation(
    int N,
    string SourceId,
    string Title,
    string? Author,
    string? Publisher,
    string? Published,
    string? Url,
    string Location,
    string PassageId,
    string Excerpt,
    string? Notes,
    double Score);
