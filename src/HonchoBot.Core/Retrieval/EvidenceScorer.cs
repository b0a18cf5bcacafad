using System.Text.RegularExpressions;
using HonchoBot.Core.Corpus;

namespace HonchoBot.Core.Retrieval;

/// <summary>
/// Scores a candidate passage against a <see cref="QueryPlan"/> by re-analysing its stored text with the
/// index chain (about 20 µs a passage): which concepts it contains, where, and which
/// sentence carries most of them.
/// </summary>
internal static partial class EvidenceScorer
{
    private const double ExactWeight = 1.0;
    private const double AlternativeWeight = 0.8;
    private const double PrefixWeight = 0.6;
    /// <summary>A "how many" question answered by a sentence without a figure is a poor excerpt.</summary>
    private const double TypedSentenceFactor = 1.4;
    private const double UntypedSentenceFactor = 0.7;
    private const int MinExcerptWords = 5;
    private const double ShortSentenceFactor = 0.2;

    /// <returns>
    /// Coverage of the whole passage; matched concepts; per-sentence scores (with the answer-type and
    /// short-sentence factors, for choosing the excerpt); and the best single sentence's own coverage
    /// (without those factors): questions are answered by sentences, so concepts spread across a long
    /// passage count for less than concepts together in one sentence.
    /// </returns>
    public static (double Coverage, int Matched, double[] SentenceScores, IReadOnlyList<(int Start, int Length)> Sentences, double SentenceCoverage) Score(
        QueryPlan plan, Passage passage, TextAnalysis analysis)
    {
        var tokens = analysis.AnalyzeText(passage.Text);
        var sentences = passage.Sentences();
        var sentenceScores = new double[sentences.Count];
        var sentenceOf = new int[tokens.Count];
        for (int t = 0, s = 0; t < tokens.Count; t++)
        {
            while (s + 1 < sentences.Count && tokens[t].Start >= sentences[s + 1].Start)
            {
                s++;
            }

            sentenceOf[t] = s;
        }

        // Where each term (and each prefix) occurs, by sentence: concept matching is then lookups.
        var termSentences = new Dictionary<string, List<int>>(tokens.Count, StringComparer.Ordinal);
        var prefixSentences = new Dictionary<string, List<int>>(tokens.Count, StringComparer.Ordinal);
        for (var t = 0; t < tokens.Count; t++)
        {
            Index(termSentences, tokens[t].Term, sentenceOf[t]);
            Index(prefixSentences, TextAnalysis.PrefixOf(tokens[t].Term), sentenceOf[t]);
        }

        var totalIdf = plan.Concepts.Sum(c => c.Idf);
        var covered = 0.0;
        var matched = 0;
        var perSentence = new double[sentences.Count];
        foreach (var concept in plan.Concepts)
        {
            Array.Clear(perSentence);
            var best = Mark(concept.Words, ExactWeight);
            foreach (var alternative in concept.Alternatives)
            {
                best = Math.Max(best, Mark(alternative, AlternativeWeight));
            }

            if (concept.UsesPrefix && prefixSentences.TryGetValue(concept.Prefix, out var prefixed))
            {
                best = Math.Max(best, Take(prefixed, PrefixWeight));
            }

            if (best > 0)
            {
                matched++;
                covered += best * concept.Idf;
                for (var s = 0; s < perSentence.Length; s++)
                {
                    sentenceScores[s] += perSentence[s] * concept.Idf;
                }
            }
        }

        double Mark(string[] words, double weight)
        {
            // Every word of a multi-word term must occur in the passage; the sentences of its first word count.
            if (!termSentences.TryGetValue(words[0], out var found))
            {
                return 0;
            }

            for (var w = 1; w < words.Length; w++)
            {
                if (!termSentences.ContainsKey(words[w]))
                {
                    return 0;
                }
            }

            return Take(found, weight);
        }

        double Take(List<int> sentenceIndexes, double weight)
        {
            foreach (var sentence in sentenceIndexes)
            {
                perSentence[sentence] = Math.Max(perSentence[sentence], weight);
            }

            return weight;
        }

        var sentenceCoverage = totalIdf > 0 && sentenceScores.Length > 0 ? sentenceScores.Max() / totalIdf : 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            // Credit lines and headings ("MI Staff (Korea)") match words but say nothing.
            if (PassageChunker.CountWords(passage.Text.AsSpan(sentences[s].Start, sentences[s].Length)) < MinExcerptWords)
            {
                sentenceScores[s] *= ShortSentenceFactor;
            }
        }

        if (plan.Type != AnswerType.Other)
        {
            for (var s = 0; s < sentences.Count; s++)
            {
                if (sentenceScores[s] > 0)
                {
                    var typed = HasTypedEvidence(passage.Text.AsSpan(sentences[s].Start, sentences[s].Length), plan.Type);
                    sentenceScores[s] *= typed ? TypedSentenceFactor : UntypedSentenceFactor;
                }
            }
        }

        return (totalIdf > 0 ? covered / totalIdf : 0, matched, sentenceScores, sentences, sentenceCoverage);
    }

    private static void Index(Dictionary<string, List<int>> map, string key, int sentence)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<int>(2);
        }

        if (list.Count == 0 || list[^1] != sentence)
        {
            list.Add(sentence);
        }
    }

    /// <summary>A figure for "how many" questions, a date for "when" questions.</summary>
    public static bool HasTypedEvidence(ReadOnlySpan<char> sentence, AnswerType type) => type switch
    {
        AnswerType.Quantity => Quantity().IsMatch(sentence),
        AnswerType.Time => Date().IsMatch(sentence),
        _ => false,
    };

    // Digits not glued to a designator (MiG-15) and not a year; or number words.
    [GeneratedRegex(@"(?<![\p{L}\-‐‑])\b\d{1,3}(?:,\d{3})+\b|(?<![\p{L}\-‐‑]|\d)\b(?!1[89]\d\d\b|20\d\d\b)\d+\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|dozens?|million|several|numerous)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Quantity();

    [GeneratedRegex(@"\b(?:1[89]\d\d|20\d\d)\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Date();
}
