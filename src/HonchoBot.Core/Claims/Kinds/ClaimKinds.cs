using System.Collections.Frozen;
using HonchoBot.Core.Claims.Questions;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Kinds;

/// <summary>
/// The strategy of every claim kind. Dispatch is exhaustive: construction fails unless each <see cref="ClaimKind"/>
/// has exactly one strategy, so a new kind cannot be half added.
/// </summary>
internal sealed class ClaimKinds
{
    private readonly FrozenDictionary<ClaimKind, IClaimKind> _byKind;

    public ClaimKinds(ClaimLexicon lexicon)
        : this([new QuantityKind(lexicon), new AttributeKind(lexicon), new EventKind(lexicon), new SuperlativeKind(lexicon), new MembershipKind(lexicon), new RatioKind(lexicon), new RankKind(lexicon)])
    {
    }

    internal ClaimKinds(IReadOnlyList<IClaimKind> strategies)
    {
        var byKind = new Dictionary<ClaimKind, IClaimKind>();
        foreach (var strategy in strategies)
        {
            if (!byKind.TryAdd(strategy.Kind, strategy))
            {
                throw new InvalidOperationException($"Claim kind {strategy.Kind} has two strategies.");
            }
        }

        foreach (var kind in Enum.GetValues<ClaimKind>())
        {
            if (!byKind.ContainsKey(kind))
            {
                throw new InvalidOperationException($"Claim kind {kind} has no strategy.");
            }
        }

        _byKind = byKind.ToFrozenDictionary();
        All = strategies;
    }

    public IReadOnlyList<IClaimKind> All { get; }

    public IClaimKind For(ClaimKind kind) => _byKind[kind];

    /// <summary>Every claim of every kind in the text, in the order the strategies are listed.</summary>
    public List<Claim> Extract(TaggedText doc)
    {
        var claims = new List<Claim>();
        foreach (var strategy in All)
        {
            strategy.Extract(doc, claims);
        }

        return claims;
    }

    /// <summary>Claims of different kinds never compare; a claim its own source rebuts is not a position to compare.</summary>
    public PairResult Compare(Claim a, Claim b) =>
        a.Kind != b.Kind || a.IsRebutted || b.IsRebutted ? PairResult.Unrelated : For(a.Kind).Compare(a, b);

    public bool IsAsked(QuestionFrame frame) => All.Any(k => k.IsAsked(frame));

    /// <summary>A claim answers the question only if the question asks for its kind at all (a count, a date…).</summary>
    public bool IsRelevant(QuestionFrame frame, Claim claim) => For(claim.Kind) is var kind && kind.IsAsked(frame) && kind.IsRelevant(frame, claim);

    public bool Answers(QuestionFrame frame, Claim a, Claim b) => For(a.Kind).Answers(frame, a, b);
}
