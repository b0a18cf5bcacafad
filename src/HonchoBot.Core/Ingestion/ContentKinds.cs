namespace HonchoBot.Core.Ingestion;

/// <summary>Maps file names and media types to a <see cref="ContentKind"/>; anything else is refused.</summary>
public static class ContentKinds
{
    /// <summary>The accepted extensions, for messages.</summary>
    public const string Accepted = ".txt, .md, .html and .pdf";

    /// <summary>Only the extension of an uploader's file name is used (never the name as a path).</summary>
    public static bool TryFromFileName(string? fileName, out ContentKind kind)
    {
        var extension = Path.GetExtension(fileName ?? string.Empty).ToUpperInvariant();
        (var known, kind) = extension switch
        {
            ".TXT" or ".TEXT" => (true, ContentKind.Text),
            ".MD" or ".MARKDOWN" => (true, ContentKind.Markdown),
            ".HTML" or ".HTM" or ".XHTML" => (true, ContentKind.Html),
            ".PDF" => (true, ContentKind.Pdf),
            _ => (false, ContentKind.Text),
        };
        return known;
    }

    /// <summary>From a <c>Content-Type</c> media type (parameters already removed).</summary>
    public static bool TryFromMediaType(string? mediaType, out ContentKind kind)
    {
        (var known, kind) = mediaType?.Trim().ToUpperInvariant() switch
        {
            "TEXT/PLAIN" => (true, ContentKind.Text),
            "TEXT/MARKDOWN" or "TEXT/X-MARKDOWN" => (true, ContentKind.Markdown),
            "TEXT/HTML" or "APPLICATION/XHTML+XML" => (true, ContentKind.Html),
            "APPLICATION/PDF" => (true, ContentKind.Pdf),
            _ => (false, ContentKind.Text),
        };
        return known;
    }
}
