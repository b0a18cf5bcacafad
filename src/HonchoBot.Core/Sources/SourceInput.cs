namespace HonchoBot.Core.Sources;

/// <summary>Where a new source's text comes from.</summary>
public abstract record SourceInput
{
    private SourceInput()
    {
    }

    /// <summary>An http(s) URL a person supplied; always fetched through the SSRF guard.</summary>
    public sealed record FromUrl(string Url) : SourceInput;

    /// <summary>Uploaded bytes with the uploader's file name (only the extension is used).</summary>
    public sealed record FromFile(string FileName, ReadOnlyMemory<byte> Content) : SourceInput;

    /// <summary>Pasted text.</summary>
    public sealed record FromText(string Text) : SourceInput;
}
