namespace HonchoBot.Core.Semantic;

/// <summary>The <c>Retrieval</c> configuration section.</summary>
public sealed class RetrievalOptions
{
    public const string Section = "Retrieval";

    /// <summary>
    /// The dense (embedding) layer. Off, answers are lexical only: no model is loaded and no vectors are
    /// made, which suits small machines.
    /// </summary>
    public bool Semantic { get; set; } = true;

    /// <summary>
    /// Threads the embedding model may use per call; 0 (the default) takes half the cores, leaving the
    /// rest to the question workers.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 256)]
    public int EmbeddingThreads { get; set; }

    /// <summary><see cref="EmbeddingThreads"/> with 0 resolved.</summary>
    public int ResolvedEmbeddingThreads => EmbeddingThreads > 0 ? EmbeddingThreads : Math.Max(1, Environment.ProcessorCount / 2);
}
