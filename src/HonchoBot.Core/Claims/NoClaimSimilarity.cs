namespace HonchoBot.Core.Claims;

/// <summary>The default: no opinion on any pair, so the rules alone decide.</summary>
public sealed class NoClaimSimilarity : IClaimSimilarity
{
    /// <summary>The one instance.</summary>
    public static readonly NoClaimSimilarity Instance = new();

    private NoClaimSimilarity()
    {
    }

    /// <inheritdoc />
    public bool? AreAboutTheSameThing(string firstStatement, string secondStatement) => null;
}
