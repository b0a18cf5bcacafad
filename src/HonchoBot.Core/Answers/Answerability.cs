using HonchoBot.Core.Retrieval;
using HonchoBot.Core.Semantic;

namespace HonchoBot.Core.Answers;

/// <summary>
/// Decides whether the evidence answers the question at all, from two independent signals: how much of
/// the question's words the best passage holds (idf-weighted coverage), and how close the best sentence
/// comes in meaning (cosine). Neither alone separates a paraphrased question from a near-topic one the
/// library cannot answer; together, with the names the library has never heard of, they do.
/// </summary>
/// <remarks>There is no allow-list of topics: sources about anything may be added and must be answerable.</remarks>
public static class Answerability
{
    /// <summary>The idf-weighted share of the question the best passage must cover (lexical evidence).</summary>
    public const double MinCoverage = 0.35;

    /// <summary>
    /// A question whose unknown names make up this much of it is about something the library does not
    /// cover ("the Luftwaffe in 1944"), however well its other words match.
    /// </summary>
    public const double MaxUnknownShare = 0.2;

    /// <summary>Coverage at which the words alone are strong evidence (the model's <see cref="RelevanceScale.WithMostWords"/> applies).</summary>
    public const double StrongCoverage = 0.6;

    /// <summary>Why the evidence does not answer, or null when it does.</summary>
    public static NoAnswerReason? Judge(SearchResult result)
    {
        if (result.ConceptCount == 0)
        {
            return NoAnswerReason.NothingToSearch;
        }

        if (result.Candidates.Count == 0)
        {
            return NoAnswerReason.NotCovered;
        }

        if (result.UnknownShare >= MaxUnknownShare)
        {
            return NoAnswerReason.UnknownNames;
        }

        if (!result.IsHybrid || result.Relevance is null)
        {
            return CoversLexically(result.Candidates[0], result.ConceptCount) ? null : NoAnswerReason.NotCovered;
        }

        // One passage must carry both kinds of evidence. The more of the question's words it holds, the less its
        // meaning must confirm (a typo-ridden question embeds poorly but matches well); with few of its words,
        // only a close paraphrase answers.
        var scale = result.Relevance!;
        return result.Candidates.Any(e => e.Dense is { } dense && dense.BestSentenceCosine >= CosineNeeded(e, result.ConceptCount, scale))
            ? null
            : NoAnswerReason.NotCovered;
    }

    /// <summary>The closeness in meaning a passage needs, given how much of the question's words it covers.</summary>
    public static double CosineNeeded(Evidence evidence, int conceptCount, RelevanceScale scale) =>
        !CoversLexically(evidence, conceptCount) ? scale.Paraphrase
        : evidence.Coverage >= StrongCoverage ? scale.WithMostWords
        : scale.WithSomeWords;

    /// <summary>
    /// True when a passage covers enough of the question's words. A short question must be covered whole:
    /// in "president of the United States" the one word the library has never seen is the point of the question.
    /// </summary>
    public static bool CoversLexically(Evidence evidence, int conceptCount) =>
        evidence.Coverage >= MinCoverage && evidence.MatchedConcepts >= Math.Min(conceptCount, 2);
}
