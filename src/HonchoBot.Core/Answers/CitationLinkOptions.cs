namespace HonchoBot.Core.Answers;

/// <summary>Public address settings (appsettings <c>Server:PublicBaseUrl</c>).</summary>
public sealed class CitationLinkOptions
{
    public const string Section = "Server";

    /// <summary>When set, citations of sources without their own URL link to the passage page.</summary>
    public string? PublicBaseUrl { get; set; }
}
