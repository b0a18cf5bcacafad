using HonchoBot.Core.Corpus;

namespace HonchoBot.Core.Retrieval;

/// <summary>
/// Fuses the lexical and the dense evidence into one score per sentence. Questions are answered by
/// sentences, so the unit is the sentence: its cosine to the question, plus how much of the question's
/// words it holds, plus smaller shares for its passage as a whole (in meaning and in words). A passage
/// ranks by its best sentence, which is also its excerpt.
/// </summary>
/// <remarks>
/// Each signal is scaled to 0–1 within the question's candidates before it is weighed, so the weights
/// do not depend on how high a model's cosines run or how long a question is. The weights were chosen on
/// one half of a set of real pages and chat-style questions and checked on the other half
/// (docs/retrieval.md); the result is flat around them.
/// </remarks>
internal static class HybridRanking
{
    /// <summary>The sentence's own closeness in meaning.</summary>
    public const double SentenceMeaningWeight = 1.0;

    /// <summary>The sentence's share of the question's words.</summary>
    public const double SentenceWordsWeight = 0.8;

    /// <summary>The passage's closeness in meaning (context the sentence lacks on its own).</summary>
    public const double PassageMeaningWeight = 0.3;

    /// <summary>The passage's lexical rank (BM25 and coverage).</summary>
    public const double PassageWordsWeight = 0.2;

    /// <summary>Credit lines and headings ("MI Staff (Korea)") are not evidence, however well they match.</summary>
    private const int MinExcerptWords = 5;

    private const double ShortSentenceFactor = 0.2;

    public static List<Evidence> Fuse(IReadOnlyList<Evidence> candidates)
    {
        var dense = candidates.Where(c => c.Dense is not null).ToList();
        var (minSentence, maxSentence) = Range(dense.SelectMany(c => c.Dense!.SentenceCosines));
        var (minPassage, maxPassage) = Range(dense.Select(c => c.Dense!.PassageCosine));
        var maxLexicalSentence = Math.Max(candidates.SelectMany(c => c.SentenceScores).DefaultIfEmpty(0).Max(), 1e-9);
        var maxLexicalRank = Math.Max(candidates.Select(c => c.Rank).DefaultIfEmpty(0).Max(), 1e-9);

        var fused = new List<Evidence>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var passageWords = candidate.Rank / maxLexicalRank;
            var passageMeaning = candidate.Dense is { } d ? Scale(d.PassageCosine, minPassage, maxPassage) : passageWords;
            var scores = new double[candidate.Sentences.Count];
            var best = 0;
            for (var s = 0; s < scores.Length; s++)
            {
                var words = candidate.SentenceScores[s] / maxLexicalSentence;
                var meaning = candidate.Dense is { } dd && s < dd.SentenceCosines.Count ? Scale(dd.SentenceCosines[s], minSentence, maxSentence) : words;
                var score = (SentenceMeaningWeight * meaning) + (SentenceWordsWeight * words) + (PassageMeaningWeight * passageMeaning) + (PassageWordsWeight * passageWords);
                var (start, length) = candidate.Sentences[s];
                if (PassageChunker.CountWords(candidate.Passage.Text.AsSpan(start, length)) < MinExcerptWords)
                {
                    score *= ShortSentenceFactor;
                }

                scores[s] = score;
                if (score > scores[best])
                {
                    best = s;
                }
            }

            fused.Add(candidate with
            {
                SentenceScores = scores,
                BestSentence = scores.Length == 0 ? (0, candidate.Passage.Text.Length) : candidate.Sentences[best],
                Rank = scores.Length == 0 ? 0 : scores[best],
            });
        }

        return fused;
    }

    private static (double Min, double Max) Range(IEnumerable<double> values)
    {
        double min = double.MaxValue, max = double.MinValue;
        foreach (var value in values)
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        return min > max ? (0, 1) : (min, max);
    }

    private static double Scale(double value, double min, double max) => max - min < 1e-9 ? 1 : (value - min) / (max - min);
}
