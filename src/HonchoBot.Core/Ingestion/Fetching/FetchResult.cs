namespace HonchoBot.Core.Ingestion.Fetching;

/// <summary>A fetched body (decompressed) and its format, or why there is none.</summary>
public sealed record FetchResult(FetchStatus Status, string Message, byte[]? Body = null, ContentKind Kind = ContentKind.Text, string? Charset = null, Uri? FinalUri = null);
