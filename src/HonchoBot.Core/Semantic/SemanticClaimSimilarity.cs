using System.Collections.Concurrent;
using HonchoBot.Core.Claims;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Semantic;

/// <summary>
/// The claim comparer's second opinion from the embedding model: two statements the rules set against each
/// other are dropped when their sentences are far apart in meaning (below the model's
/// <see cref="RelevanceScale.SameTopic"/>). It never adds a disagreement. With the semantic layer off it has no
/// opinion. Statement vectors are cached (claims recur across questions).
/// </summary>
public sealed class SemanticClaimSimilarity(IEmbedder embedder, IOptions<RetrievalOptions> options) : IClaimSimilarity
{
    private const int CacheLimit = 4096;


    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);

    public bool? AreAboutTheSameThing(string firstStatement, string secondStatement)
    {
        if (!options.Value.Semantic)
        {
            return null;
        }

        try
        {
            return new VectorClaimSimilarity(Vector, embedder.Relevance.SameTopic).AreAboutTheSameThing(firstStatement, secondStatement);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The model failing must not cost the answer: the rules alone decide.
            return null;
        }
    }

    private ReadOnlyMemory<float>? Vector(string statement)
    {
        if (_cache.TryGetValue(statement, out var cached))
        {
            return cached;
        }

        var vector = embedder.EmbedDocuments([statement], CancellationToken.None)[0];
        if (_cache.Count >= CacheLimit)
        {
            _cache.Clear();
        }

        _cache[statement] = vector;
        return vector;
    }
}
