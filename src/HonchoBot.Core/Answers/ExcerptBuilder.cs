using HonchoBot.Core.Retrieval;

namespace HonchoBot.Core.Answers;

/// <summary>
/// Cuts the excerpt for a citation: whole sentences copied verbatim from the stored text, the best
/// matching one first; at most 400 characters, or the best sentence alone up to 600, or its first 600
/// characters cut at a word boundary with "…" (docs/retrieval.md, step 9).
/// </summary>
public static class ExcerptBuilder
{
    public const int MaxLength = 400;
    public const int MaxSingleSentence = 600;

    /// <summary>Short best sentences get relevant neighbours for context, while they fit.</summary>
    private const int ExtendBelow = 300;

    /// <summary>At most this many sentences in one excerpt.</summary>
    private const int MaxSentences = 3;

    /// <summary>
    /// Ranked by meaning, every sentence scores above zero: a neighbour joins when its own score is at least this
    /// share of the best sentence's. Ranked by words alone, any neighbour holding some of the question joins.
    /// </summary>
    private const double NeighbourShare = 0.4;

    /// <summary>The excerpt and the offset of its first character in the passage text.</summary>
    public static (string Text, int Start) Build(Evidence evidence)
    {
        var text = evidence.Passage.Text;
        var (start, length) = evidence.BestSentence;
        if (length > MaxSingleSentence)
        {
            return (CutAtWord(text.Substring(start, length), MaxSingleSentence), start);
        }

        if (length < ExtendBelow)
        {
            var index = IndexOf(evidence.Sentences, evidence.BestSentence);
            (start, length) = Extend(evidence, index);
        }

        return (text.Substring(start, length), start);
    }

    /// <summary>The whole sentences that cover a claim's span <c>[start, end)</c>, within the same limits.</summary>
    public static (string Text, int Start) BuildAround(Evidence evidence, int start, int end)
    {
        var text = evidence.Passage.Text;
        var sentences = evidence.Sentences.Where(s => s.Start < end && s.Start + s.Length > start).ToList();
        if (sentences.Count == 0)
        {
            return Build(evidence);
        }

        var from = sentences[0].Start;
        var to = sentences[^1].Start + sentences[^1].Length;
        if (to - from <= MaxLength || (sentences.Count == 1 && to - from <= MaxSingleSentence))
        {
            return (text[from..to], from);
        }

        // Too long for whole sentences: the first sentence of the span, cut at a word.
        var first = text.Substring(sentences[0].Start, sentences[0].Length);
        return (first.Length <= MaxSingleSentence ? first : CutAtWord(first, MaxSingleSentence), from);
    }

    /// <summary>
    /// Grows the excerpt around the best sentence, the better-scoring neighbour first, while the neighbour says
    /// something relevant, the whole stays within <see cref="MaxLength"/> and <see cref="MaxSentences"/>, and
    /// it stays in one block (a passage's blocks are separate paragraphs with their own locations).
    /// </summary>
    private static (int Start, int Length) Extend(Evidence evidence, int index)
    {
        var sentences = evidence.Sentences;
        var scores = evidence.SentenceScores;
        var passage = evidence.Passage;
        var threshold = evidence.Dense is null ? double.Epsilon : scores[index] * NeighbourShare;
        var (first, last) = (index, index);
        while (last - first + 1 < MaxSentences)
        {
            var next = Better(last + 1, first - 1);
            if (next < 0)
            {
                break;
            }

            if (next > last)
            {
                last = next;
            }
            else
            {
                first = next;
            }
        }

        var from = sentences[first].Start;
        var to = sentences[last].Start + sentences[last].Length;
        return (from, to - from);

        // The better of the two neighbours that may join, or -1.
        int Better(int right, int left)
        {
            var candidates = new[] { right, left }.Where(Fits).ToList();
            return candidates.Count == 0 ? -1 : candidates.MaxBy(n => scores[n]);
        }

        bool Fits(int neighbour)
        {
            if (neighbour < 0 || neighbour >= sentences.Count || scores[neighbour] < threshold)
            {
                return false;
            }

            var from = Math.Min(sentences[first].Start, sentences[neighbour].Start);
            var to = Math.Max(sentences[last].Start + sentences[last].Length, sentences[neighbour].Start + sentences[neighbour].Length);
            return to - from <= MaxLength && passage.LocationAt(from) == passage.LocationAt(to - 1);
        }
    }

    private static int IndexOf(IReadOnlyList<(int Start, int Length)> sentences, (int Start, int Length) sentence)
    {
        for (var i = 0; i < sentences.Count; i++)
        {
            if (sentences[i] == sentence)
            {
                return i;
            }
        }

        return 0;
    }

    private static string CutAtWord(string sentence, int max)
    {
        var cut = sentence.LastIndexOf(' ', max - 1);
        var end = cut > max / 2 ? cut : max - 1;
        if (char.IsHighSurrogate(sentence[end - 1]))
        {
            end--; // Never split an emoji or a supplementary-plane character.
        }

        return sentence[..end].TrimEnd(',', ';', ':', ' ') + "…";
    }
}
