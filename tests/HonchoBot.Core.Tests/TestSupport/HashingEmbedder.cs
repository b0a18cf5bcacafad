using System.Text.RegularExpressions;
using HonchoBot.Core.Semantic;

namespace HonchoBot.Core.Tests.TestSupport;

/// <summary>
/// A deterministic stand-in for the embedding model: each word (lowercased, a trailing "s" dropped) adds
/// ±1 to a dimension chosen by its hash, and the vector is normalised. Texts sharing words are close;
/// no model is loaded. Counts its calls so tests can see what was embedded.
/// </summary>
internal sealed partial class HashingEmbedder(int dimensions = 64) : IEmbedder
{
    private int _documents;

    public string ModelId => $"hashing-{Dimensions}";

    public int Dimensions { get; } = dimensions;

    /// <summary>Word-overlap cosines run lower than a model's; statements sharing few words are still about one thing.</summary>
    public RelevanceScale Relevance { get; } = new(0.15, 0.2, 0.35, SameTopic: 0);

    /// <summary>Texts embedded by <see cref="EmbedDocuments"/> so far.</summary>
    public int DocumentsEmbedded => Volatile.Read(ref _documents);

    public float[] EmbedQuery(string question) => Embed(question);

    public IReadOnlyList<float[]> EmbedDocuments(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _documents, texts.Count);
        return [.. texts.Select(Embed)];
    }

    private float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (Match word in Word().Matches(text.ToLowerInvariant()))
        {
            var w = word.Value.TrimEnd('s');
            var hash = Stable(w);
            vector[hash % (uint)Dimensions] += (hash & 0x100) == 0 ? 1 : -1;
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm == 0)
        {
            vector[0] = 1;
            return vector;
        }

        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] /= norm;
        }

        return vector;
    }

    /// <summary>FNV-1a: the same across processes (string hash codes are randomised per process).</summary>
    private static uint Stable(string word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
