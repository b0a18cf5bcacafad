using HonchoBot.Core.Semantic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HonchoBot.Embeddings;

/// <summary>The embedding model's one registration entry point.</summary>
public static class EmbeddingsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the local embedding model as Core's <see cref="IEmbedder"/>. It loads on first use, so
    /// with <c>Retrieval:Semantic=false</c> it is never loaded. <c>Retrieval:EmbeddingThreads</c> caps its
    /// threads (<see cref="RetrievalOptions"/>, bound by Core).
    /// </summary>
    public static IServiceCollection AddHonchoEmbeddings(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ArcticXsEmbedder(sp.GetRequiredService<IOptions<RetrievalOptions>>().Value.ResolvedEmbeddingThreads));
        services.AddSingleton<IEmbedder>(sp => sp.GetRequiredService<ArcticXsEmbedder>());
        return services;
    }
}
