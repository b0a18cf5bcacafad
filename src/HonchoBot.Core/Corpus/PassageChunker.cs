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
        var pieces = Pieces(document);
        var groups = Group(pieces);
        var passages = new List<Passage>(groups.Count);
        var text = new System.Text.StringBuilder();
        foreach (var group in groups)
        {
            var segments = new PassageSegment[group.Count];
            for (var k = 0; k < group.Count; k++)
            {
                if (k > 0)
                {
                    text.Append(BlockSeparator);
                }

                var piece = pieces[group.First + k];
                segments[k] = new PassageSegment(text.Length, piece.Block.Location);
                text.Append(piece.Block.Text.AsSpan(piece.Start, piece.Length));
            }

            var ordinal = passages.Count;
            var id = string.Create(CultureInfo.InvariantCulture, $"{document.Info.Id}#{ordinal}");
            passages.Add(new Passage(id, document.Info.Id, ordinal, text.ToString(), segments));
            text.Clear();
        }

        return passages;
    }

    /// <summary>How many passages <see cref="Chunk"/> cuts the document into, without making them.</summary>
    public static int Count(SourceDocument document) => Group(Pieces(document)).Count;

    /// <summary>
    /// Which pieces make each passage, in order: a run of pieces closes once it has <see cref="MinWords"/> and the
    /// next piece would overflow it or could stand alone, and never grows past <see cref="MaxWords"/>. Pieces with
    /// no words after the last passage are dropped.
    /// </summary>
    private static List<PieceRun> Group(List<Piece> pieces)
    {
        var runs = new List<PieceRun>();
        var first = 0;
        var count = 0;
        var words = 0;
        for (var i = 0; i < pieces.Count; i++)
        {
            var pieceWords = pieces[i].Words;
            if (words > 0 && words + pieceWords > MaxWords)
            {
                Close();
            }

            if (count == 0)
            {
                first = i;
            }

            count++;
            words += pieceWords;

            var nextWords = i + 1 < pieces.Count ? pieces[i + 1].Words : 0;
            if (words >= MinWords && (words + nextWords > MaxWords || nextWords >= MinWords || nextWords == 0))
            {
                Close();
            }
        }

        if (words > 0)
        {
            // A short tail joins the previous passage when it fits, rather than standing alone.
            if (runs.Count > 0 && words < MinWords && runs[^1].Words + words <= MaxWords)
            {
                var last = runs[^1];
                runs[^1] = new PieceRun(last.First, last.Count + count, last.Words + words);
            }
            else
            {
                Close();
            }
        }

        return runs;

        void Close()
        {
            runs.Add(new PieceRun(first, count, words));
            count = 0;
            words = 0;
        }
    }

    /// <summary>
    /// The blocks as passage pieces: each whole, or a block over <see cref="MaxWords"/> split. An empty block (readers
    /// never make one) is no piece: it would only add a separator.
    /// </summary>
    private static List<Piece> Pieces(SourceDocument document)
    {
        var pieces = new List<Piece>(document.Blocks.Count);
        foreach (var block in document.Blocks.Where(b => b.Text.Length > 0))
        {
            SplitLongBlock(block, pieces);
        }

        return pieces;
    }

    /// <summary>Adds a block, split when over <see cref="MaxWords"/> into near-equal runs of whole sentences.</summary>
    private static void SplitLongBlock(SourceBlock block, List<Piece> into)
    {
        var total = CountWords(block.Text);
        if (total <= MaxWords)
        {
            into.Add(new Piece(block, 0, block.Text.Length, total));
            return;
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
                into.Add(new Piece(block, start, end - start, words));
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
            into.Add(new Piece(block, start, end - start, words));
        }
    }

    /// <summary>Part of a block's text that goes into a passage whole, and its word count.</summary>
    private readonly record struct Piece(SourceBlock Block, int Start, int Length, int Words);

    /// <summary>The pieces of one passage: <see cref="Count"/> pieces from <see cref="First"/>, with their words.</summary>
    private readonly record struct PieceRun(int First, int Count, int Words);

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
