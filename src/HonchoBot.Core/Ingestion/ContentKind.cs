namespace HonchoBot.Core.Ingestion;

/// <summary>The document formats a source may be added from.</summary>
public enum ContentKind
{
    Text,
    Markdown,
    Html,
    Pdf,
}
