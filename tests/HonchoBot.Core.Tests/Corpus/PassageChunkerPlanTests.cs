using System.Globalization;
using System.Text;
using HonchoBot.Core.Corpus;

namespace HonchoBot.Core.Tests.Corpus;

/// <summary>
/// The chunker plans which pieces make each passage before it writes any passage text, so a load can count a
/// source's passages without making them. Both must agree with the chunker as it was, which built each passage
/// as it went (written out below as the reference), on the seeds and on generated documents of every shape.
/// </summary>
public sealed class PassageChunkerPlanTests
{
    [Theory]
    [InlineData(TestCorpus.MilwaukeeId)]
    [InlineData(TestCorpus.SanghaId)]
    public void Chunk_Seeds_SameAsBuildingPassagesAsItGoes(string seed) => AssertSameAsReference(TestCorpus.Seed(seed));

    [Fact]
    public void Chunk_GeneratedDocuments_SameAsBuildingPassagesAsItGoes()
    {
        var random = new Random(42);
        for (var i = 0; i < 1500; i++)
        {
            var blocks = Enumerable.Range(0, random.Next(0, 12)).Select(b => new SourceBlock(Block(random), $"¶{b + 1}")).ToList();
            AssertSameAsReference(new SourceDocument(new SourceInfo("generated-" + i.ToString(CultureInfo.InvariantCulture), "Generated"), blocks, "hash"));
        }
    }

    [Fact]
    public void Count_IsTheNumberOfPassagesChunkMakes()
    {
        var random = new Random(3);
        for (var i = 0; i < 500; i++)
        {
            var blocks = Enumerable.Range(0, random.Next(0, 12)).Select(b => new SourceBlock(Block(random), $"p. {b}")).ToList();
            var document = new SourceDocument(new SourceInfo("counted", "Counted"), blocks, "hash");
            Assert.Equal(PassageChunker.Chunk(document).Count, PassageChunker.Count(document));
        }
    }

    /// <summary>A block of one to 600 words in sentences of varied length, or white space only.</summary>
    private static string Block(Random random)
    {
        if (random.Next(20) == 0)
        {
            return " ";
        }

        var text = new StringBuilder();
        var words = random.Next(1, random.Next(2) == 0 ? 60 : 600);
        for (var w = 0; w < words; w++)
        {
            if (w > 0)
            {
                text.Append(' ');
            }

            text.Append(random.Next(8) == 0 ? "Word" : "word");
            if (random.Next(9) == 0 || w == words - 1)
            {
                text.Append(random.Next(4) == 0 ? "?" : ".");
            }
        }

        return text.ToString();
    }

    private static void AssertSameAsReference(SourceDocument document)
    {
        var expected = Describe(BuildAsItGoes(document));
        var actual = Describe(PassageChunker.Chunk(document));
        Assert.Equal(expected, actual);
    }

    private static List<string> Describe(IEnumerable<Passage> passages) =>
        [.. passages.Select(p => $"{p.Id}|{p.Ordinal}|{p.Text}|" + string.Join(';', p.Segments.Select(s => $"{s.Start}:{s.Location}")))];

    /// <summary>The chunker as it was: pieces cut out of long blocks, each passage's text built as pieces came.</summary>
    private static List<Passage> BuildAsItGoes(SourceDocument document)
    {
        var pieces = document.Blocks.SelectMany(SplitLongBlock).ToList();
        var passages = new List<Passage>();
        var text = new StringBuilder();
        var segments = new List<PassageSegment>();
        var words = 0;
        for (var i = 0; i < pieces.Count; i++)
        {
            var (pieceText, location) = pieces[i];
            var pieceWords = PassageChunker.CountWords(pieceText);
            if (words > 0 && words + pieceWords > PassageChunker.MaxWords)
            {
                Emit();
            }

            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            segments.Add(new PassageSegment(text.Length, location));
            text.Append(pieceText);
            words += pieceWords;
            var nextWords = i + 1 < pieces.Count ? PassageChunker.CountWords(pieces[i + 1].Text) : 0;
            if (words >= PassageChunker.MinWords && (words + nextWords > PassageChunker.MaxWords || nextWords >= PassageChunker.MinWords || nextWords == 0))
            {
                Emit();
            }
        }

        if (words > 0)
        {
            if (passages.Count > 0 && words < PassageChunker.MinWords && PassageChunker.CountWords(passages[^1].Text) + words <= PassageChunker.MaxWords)
            {
                var last = passages[^1];
                var offset = last.Text.Length + 2;
                passages[^1] = last with { Text = last.Text + "\n\n" + text, Segments = [.. last.Segments, .. segments.Select(s => s with { Start = s.Start + offset })] };
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
            passages.Add(new Passage($"{document.Info.Id}#{ordinal}", document.Info.Id, ordinal, text.ToString(), [.. segments]));
            text.Clear();
            segments.Clear();
            words = 0;
        }
    }

    private static IEnumerable<(string Text, string Location)> SplitLongBlock(SourceBlock block)
    {
        var total = PassageChunker.CountWords(block.Text);
        if (total <= PassageChunker.MaxWords)
        {
            yield return (block.Text, block.Location);
            yield break;
        }

        var target = total / Math.Ceiling(total / (double)PassageChunker.MaxWords);
        var start = -1;
        var end = 0;
        var words = 0;
        foreach (var (s, length) in SentenceSplitter.Split(block.Text))
        {
            var sentenceWords = PassageChunker.CountWords(block.Text.AsSpan(s, length));
            if (start >= 0 && words > 0 && (words + sentenceWords > PassageChunker.MaxWords || words + (sentenceWords / 2.0) > target))
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
}
