using HonchoBot.Core.Corpus;

namespace HonchoBot.Core.Retrieval;

/// <summary>
/// A retrieved passage judged against the question: how much of the question it covers lexically
/// (idf-weighted share of concepts), how close it is in meaning (when it has vectors), its best
/// sentence, and the final rank score.
/// </summary>
/// <param name="Coverage">0–1: the idf-weighted share of the question's concepts found in the passage.</param>
/// <param name="BestSentence">The sentence that best answers the question, as a span of the passage text.</param>
/// <param name="SentenceScores">Per sentence, the evidence that it answers the question (fused when <paramref name="Dense"/> is set).</param>
/// <param name="Dense">Cosines of the passage and of each sentence to the question; null when searched lexically.</param>
public sealed record Evidence(
    Passage Passage,
    SourceInfo Source,
    string? Annotation,
    double Bm25,
    double Coverage,
    int MatchedConcepts,
    (int Start, int Length) BestSentence,
    IReadOnlyList<(int Start, int Length)> Sentences,
    IReadOnlyList<double> SentenceScores,
    double Rank,
    DenseEvidence? Dense = null);

/// <summary>How close a passage and its sentences are in meaning to the question (cosines, −1 to 1).</summary>
public sealed record DenseEvidence(double PassageCosine, IReadOnlyList<double> SentenceCosines)
{
    public double BestSentenceCosine => SentenceCosines.Count == 0 ? PassageCosine : SentenceCosines.Max();
}

/// <summary>The candidates for a question, best first, and what the question asked for.</summary>
/// <param name="ConceptCount">Content words left after question words were dropped; 0 means nothing to search for.</param>
/// <param name="UnknownTerms">
/// Words of the question the library has never seen, that are not a misspelling of one it has, and that
/// are not common English: names, places and years it knows nothing about.
/// </param>
/// <param name="Relevance">The embedding model's cosine scale, when the dense layer took part.</param>
public sealed record SearchResult(IReadOnlyList<Evidence> Candidates, int ConceptCount, IReadOnlyList<string> UnknownTerms, double UnknownShare, Semantic.RelevanceScale? Relevance = null)
{
    /// <summary>True when the dense layer took part in this search.</summary>
    public bool IsHybrid => Candidates.Count > 0 && Candidates.Any(c => c.Dense is not null);
}
