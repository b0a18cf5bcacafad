using System.Globalization;
using System.Text.RegularExpressions;
using HonchoBot.Core.Retrieval;

namespace HonchoBot.Core.Claims;

/// <summary>
/// Runs claim extraction at index time and stores the claims with each passage. The lexicon hash (which covers the
/// rules' own source too) and the JSON version are part of the index schema, so editing the lexicon or upgrading to
/// changed rules rebuilds the index at the next start.
/// </summary>
public sealed class ClaimAnnotator(ClaimLexicon lexicon, IClaimExtractor extractor) : IPassageAnnotator
{
    public string Version { get; } = string.Create(CultureInfo.InvariantCulture, $"claims-{ClaimJson.Version}-{lexicon.Hash[..16]}");

    /// <remarks>Best effort: a passage whose extraction times out is indexed without claims, never dropped.</remarks>
    public string? Annotate(string passageText)
    {
        try
        {
            var claims = extractor.Extract(passageText);
            return claims.Count == 0 ? null : ClaimJson.Serialize(claims);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
