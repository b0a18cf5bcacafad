namespace HonchoBot.Embeddings.Tests;

/// <summary>One real model for the whole test class: loading it takes about half a second.</summary>
public sealed class ModelFixture : IDisposable
{
    public ArcticXsEmbedder Embedder { get; } = new(threads: 1);

    public void Dispose() => Embedder.Dispose();
}
