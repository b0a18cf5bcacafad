namespace HonchoBot.Core.Claims;

/// <summary>
/// Meaning from sentence vectors: statements whose unit-normalised vectors have a cosine below
/// <paramref name="minCosine"/> are about different things. <paramref name="embed"/> returns null when it has no
/// vector for a text (then there is no opinion); any embedding model can stand behind it.
/// </summary>
public sealed class VectorClaimSimilarity(Func<string, ReadOnlyMemory<float>?> embed, double minCosine) : IClaimSimilarity
{
    /// <inheritdoc />
    public bool? AreAboutTheSameThing(string firstStatement, string secondStatement)
    {
        if (embed(firstStatement) is not { } first || embed(secondStatement) is not { } second || first.Length != second.Length || first.Length == 0)
        {
            return null;
        }

        var a = first.Span;
        var b = second.Span;
        double dot = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }

        return dot >= minCosine;
    }
}
