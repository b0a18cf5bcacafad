using System.ComponentModel.DataAnnotations;

namespace HonchoBot.Core.Sources;

/// <summary>Source ingestion limits (appsettings <c>Sources</c>, README.md "Configuration").</summary>
public sealed class SourceOptions
{
    public const string Section = "Sources";

    /// <summary>Largest upload, fetched body (after decompression) or pasted text, in bytes.</summary>
    [Range(1024, 1L << 30)]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Connect and whole-fetch timeout for URL sources.</summary>
    [Range(1, 600)]
    public int FetchTimeoutSeconds { get; set; } = 20;

    /// <summary>Lets URL sources point at private networks (tests, self-hosted intranets). Off by default.</summary>
    public bool AllowPrivateNetworks { get; set; }
}
