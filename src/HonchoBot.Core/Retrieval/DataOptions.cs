namespace HonchoBot.Core.Retrieval;

/// <summary>Where the data directory is (appsettings <c>Data</c>).</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    /// <summary>Data directory: <c>sources/</c>, <c>index/</c>, <c>audit.jsonl</c>, hidden-source list.</summary>
    public string Path { get; set; } = "./data";

    public string IndexPath => System.IO.Path.Combine(Path, "index");

    public string SourcesPath => System.IO.Path.Combine(Path, "sources");
}
