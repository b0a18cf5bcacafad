using System.Globalization;

namespace HonchoBot.Core.Corpus;

/// <summary>
/// Cuts a document into passages: one block per passage when it is 40–200 words; shorter blocks merge
/// with their neighbours (credit lines, headings); longer blocks split at sentence boundaries into
/// near-equal parts. Deterministic, so passage ids are stable across rebuilds of the same text.
/// </summary>
public static class PassageChunker
{
    public const int MinWords = 40;
    public const int MaxWords = 200;
    private const string BlockSeparator = "\n\n";

    public static IReadOnlyList<Passage> Chunk(SourceDocument document)
    {
        var pieces = new List<(string Text, string Location)>();
        foreach (var block in document.Blocks)
        {
            pieces.AddRange(SplitLongBlock(block));
        }

        var passages = new List<Passage>();
        var text = new System.Text.StringBuilder();
        var segments = new List<PassageSegment>();
        var words = 0;

        for (var i = 0; i < pieces.Count; i++)
        {
            var (pieceText, location) = pieces[i];
            var pieceWords = CountWords(pieceText);
            if (words > 0 && words + pieceWords > MaxWords)
            {
                Emit();
            }

            if (text.Length > 0)
            {
                text.Append(BlockSeparator);
            }

            segments.Add(new PassageSegment(text.Length, location));
            text.Append(pieceText);
            words += pieceWords;

            var nextWords = i + 1 < pieces.Count ? CountWords(pieces[i + 1].Text) : 0;
            if (words >= MinWords && (words + nextWords > MaxWords || nextWords >= MinWords || nextWords == 0))
            {
                Emit();
            }
        }

        if (words > 0)
        {
            // A short tail joins the previous passage when it fits, rather than standing alone.
            if (passages.Count > 0 && words < MinWords && CountWords(passages[^1].Text) + words <= MaxWords)
            {
                var last = passages[^1];
                var offset = last.Text.Length + BlockSeparator.Length;
                var merged = last.Segments.Concat(segments.Select(s => s with { Start = s.Start + offset })).ToList();
                passages[^1] = last with { Text = last.Text + BlockSeparator + text, Segments = merged };
            }
            else
            {
                Emit();
            }
        }

        return passages;

        void Emit()
        {
            var ordinal = passages.Count;
            var id = string.Create(CultureInfo.InvariantCulture, $"{document.Info.Id}#{ordinal}");
            passages.Add(new Passage(id, document.Info.Id, ordinal, text.ToString(), [.. segments]));
            text.Clear();
            segments.Clear();
            words = 0;
        }
    }

    /// <summary>Splits a block over <see cref="MaxWords"/> into near-equal runs of whole sentences.</summary>
    private static IEnumerable<(string Text, string Location)> SplitLongBlock(SourceBlock block)
    {
        var total = CountWords(block.Text);
        if (total <= MaxWords)
        {
            yield return (block.Text, block.Location);
            yield break;
        }

        var parts = (int)Math.Ceiling(total / (double)MaxWords);
        var target = total / (double)parts;
        var sentences = SentenceSplitter.Split(block.Text);
        var start = -1;
        var end = 0;
        var words = 0;
        foreach (var (s, length) in sentences)
        {
            var sentenceWords = CountWords(block.Text.AsSpan(s, length));
            if (start >= 0 && words > 0 && (words + sentenceWords > MaxWords || words + (sentenceWords / 2.0) > target))
            {
                yield return (block.Text[start..end], block.Location);
                start = -1;
                words = 0;
            }

            if (start < 0)
            {
                start = s;
            }

            end = s + length;
            words += sentenceWords;
        }

        if (start >= 0)
        {
            yield return (block.Text[start..end], block.Location);
        }
    }

    /// <summary>Whitespace-separated words.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }

        return count;
    }
}
