namespace HonchoBot.Core.Ingestion;

/// <summary>An extraction, or why the document was refused (a message fit for the requester).</summary>
public sealed record ExtractionResult(ExtractedSource? Source, string? Error, bool IsTooLarge = false)
{
    public static ExtractionResult Fail(string error) => new(null, error);

    public static ExtractionResult TooLarge(string error) => new(null, error, IsTooLarge: true);
}
