using HonchoBot.Core.Corpus;

namespace HonchoBot.Core.Retrieval;

/// <summary>
/// A retrieved passage judged against the question: how much of the question it covers (idf-weighted
/// share of concepts), its best sentence, and the final rank score.
/// </summary>
/// <param name="Coverage">0–1: the idf-weighted share of the question's concepts found in the passage.</param>
/// <param name="BestSentence">The sentence that best matches the question, as a span of the passage text.</param>
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
    double Rank);

/// <summary>The candidates for a question, best first, and the size of the question.</summary>
/// <param name="ConceptCount">Content words left after question words were dropped; 0 means nothing to search for.</param>
public sealed record SearchResult(IReadOnlyList<Evidence> Candidates, int ConceptCount);
