namespace HonchoBot.Core.Ingestion.Fetching;

/// <summary>How a fetch ended.</summary>
public enum FetchStatus
{
    Ok,
    UnsafeUrl,
    TooLarge,
    Invalid,
    Failed,
}
