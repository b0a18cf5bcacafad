using HonchoBot.Core.Claims.Questions;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Kinds;

/// <summary>
/// Everything about one <see cref="ClaimKind"/>: how it is found in a text, how two of it compare, and when it
/// answers a question. Adding a kind is a new enum value, a new strategy and one line in <see cref="ClaimKinds"/>.
/// </summary>
internal interface IClaimKind
{
    ClaimKind Kind { get; }

    /// <summary>Adds the claims of this kind found in <paramref name="doc"/> to <paramref name="claims"/>.</summary>
    void Extract(TaggedText doc, List<Claim> claims);

    /// <summary>How two claims of this kind from different sources relate (neither is rebutted).</summary>
    PairResult Compare(Claim a, Claim b);

    /// <summary>Does the question ask anything a claim of this kind could answer?</summary>
    bool IsAsked(QuestionFrame frame);

    /// <summary>Is the claim about what the question asks?</summary>
    bool IsRelevant(QuestionFrame frame, Claim claim);

    /// <summary>Does a reported pair of two relevant claims answer the question itself, not just something near it?</summary>
    bool Answers(QuestionFrame frame, Claim a, Claim b);
}
