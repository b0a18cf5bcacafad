using HonchoBot.Core.Claims.Kinds;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims;

/// <summary>
/// Rule-based claim extraction: the text is tagged once with every lexicon term (<see cref="TaggedText"/>), then the
/// strategy of each claim kind reads its claims from it (<c>Kinds/</c>). Pure and thread-safe: all state is in the
/// compiled <see cref="ClaimLexicon"/>.
/// </summary>
public sealed class ClaimExtractor(ClaimLexicon lexicon) : IClaimExtractor
{
    private readonly ClaimKinds _kinds = new(lexicon);

    /// <inheritdoc />
    public IReadOnlyList<Claim> Extract(string passageText)
    {
        ArgumentNullException.ThrowIfNull(passageText);
        return string.IsNullOrWhiteSpace(passageText) ? [] : _kinds.Extract(TaggedText.Create(passageText, lexicon));
    }
}
