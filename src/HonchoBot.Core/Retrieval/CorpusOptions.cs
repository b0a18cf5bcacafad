namespace HonchoBot.Core.Retrieval;

/// <summary>Shipped/global corpus directories (appsettings <c>Corpus</c>).</summary>
public sealed class CorpusOptions
{
    public const string Section = "Corpus";

    public List<string> Paths { get; set; } = [];
}
