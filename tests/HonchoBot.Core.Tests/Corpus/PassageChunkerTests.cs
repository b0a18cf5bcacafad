using HonchoBot.Core.Corpus;

namespace HonchoBot.Core.Tests.Corpus;

public sealed class PassageChunkerTests
{
    public static TheoryData<string> Seeds => new() { TestCorpus.MilwaukeeId, TestCorpus.SanghaId };

    private static string Words(int count, string word = "word") => string.Join(' ', Enumerable.Repeat(word, count)) + ".";

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Chunk_RawSeeds_PassagesAreBetween40And200Words(string seed)
    {
        var passages = PassageChunker.Chunk(TestCorpus.Seed(seed));
        Assert.NotEmpty(passages);
        foreach (var passage in passages)
        {
            var words = PassageChunker.CountWords(passage.Text);
            Assert.True(words is >= PassageChunker.MinWords and <= PassageChunker.MaxWords, $"{passage.Id} has {words} words");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Chunk_RawSeeds_LoseNoText(string seed)
    {
        var document = TestCorpus.Seed(seed);
        var passages = PassageChunker.Chunk(document);
        var all = string.Join(" ", passages.Select(p => p.Text));
        foreach (var block in document.Blocks)
        {
            foreach (var word in block.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.Contains(word, all, StringComparison.Ordinal);
            }
        }

        Assert.Equal(document.Blocks.Sum(b => PassageChunker.CountWords(b.Text)), passages.Sum(p => PassageChunker.CountWords(p.Text)));
    }

    [Fact]
    public void Chunk_FixtureCorpus_PassagesAreBetween40And200Words()
    {
        foreach (var document in TestCorpus.LoadFixture().Documents)
        {
            foreach (var passage in PassageChunker.Chunk(document))
            {
                var words = PassageChunker.CountWords(passage.Text);
                Assert.True(words is >= PassageChunker.MinWords and <= PassageChunker.MaxWords, $"{passage.Id} has {words} words");
            }
        }
    }

    [Fact]
    public void Chunk_SameTextTwice_GivesTheSameIdsAndTexts()
    {
        foreach (var id in new[] { TestCorpus.MilwaukeeId, TestCorpus.SanghaId })
        {
            var first = PassageChunker.Chunk(TestCorpus.Seed(id));
            var second = PassageChunker.Chunk(TestCorpus.Seed(id));
            Assert.Equal(first.Select(p => (p.Id, p.Text)), second.Select(p => (p.Id, p.Text)));
        }
    }

    [Fact]
    public void Chunk_Ids_AreSourceIdHashOrdinalFromZero()
    {
        var passages = PassageChunker.Chunk(TestCorpus.LoadFixture().Documents.Single(d => d.Info.Id == TestCorpus.MilwaukeeId));
        for (var i = 0; i < passages.Count; i++)
        {
            Assert.Equal($"{TestCorpus.MilwaukeeId}#{i}", passages[i].Id);
            Assert.Equal(i, passages[i].Ordinal);
            Assert.Equal(TestCorpus.MilwaukeeId, passages[i].SourceId);
        }
    }

    [Fact]
    public void Chunk_EditLaterInTheText_KeepsEarlierPassageIdsAndTexts()
    {
        string[] paragraphs = [Words(60, "alpha"), Words(60, "bravo"), Words(60, "charlie"), Words(60, "delta")];
        var before = PassageChunker.Chunk(TestCorpus.Document("doc", "Doc", paragraphs));
        paragraphs[3] = Words(70, "echo");
        var after = PassageChunker.Chunk(TestCorpus.Document("doc", "Doc", paragraphs));
        Assert.Equal(before.Take(3).Select(p => (p.Id, p.Text)), after.Take(3).Select(p => (p.Id, p.Text)));
    }

    [Fact]
    public void Chunk_Locations_CountBodyParagraphsFromOne()
    {
        var document = TestCorpus.LoadFixture().Documents.Single(d => d.Info.Id == TestCorpus.MilwaukeeId);
        Assert.Equal("¶1", document.Blocks[0].Location);
        var passages = PassageChunker.Chunk(document);
        Assert.Equal("¶1", passages[0].Segments[0].Location);
        Assert.Equal("¶1", passages[0].LocationAt(0));

        // The sixth body paragraph (front matter excluded) is the one about the Yak-9U and Il-10.
        var yak = passages.Single(p => p.Text.Contains("seventy-eight Yak-9U", StringComparison.Ordinal));
        Assert.Equal("¶6", yak.LocationAt(yak.Text.IndexOf("seventy-eight Yak-9U", StringComparison.Ordinal)));

        // The 792 claim is in the 20th paragraph.
        var claims = passages.Single(p => p.Text.Contains("claimed 792 MiG-15s", StringComparison.Ordinal));
        Assert.Equal("¶20", claims.LocationAt(claims.Text.IndexOf("claimed 792", StringComparison.Ordinal)));
    }

    [Fact]
    public void Chunk_EveryBlock_KeepsItsOwnLocationInsideAPassage()
    {
        var document = TestCorpus.LoadFixture().Documents.Single(d => d.Info.Id == TestCorpus.MilwaukeeId);
        var passages = PassageChunker.Chunk(document);
        foreach (var block in document.Blocks)
        {
            var passage = passages.First(p => p.Text.Contains(block.Text, StringComparison.Ordinal));
            Assert.Equal(block.Location, passage.LocationAt(passage.Text.IndexOf(block.Text, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Chunk_ShortCreditLines_MergeWithNeighbours()
    {
        var document = TestCorpus.LoadFixture().Documents.Single(d => d.Info.Id == TestCorpus.MilwaukeeId);
        var passages = PassageChunker.Chunk(document);
        foreach (var credit in new[] { "MI Staff (Korea)", "Lее Mаtz", "Shutterstock" })
        {
            var holder = passages.Single(p => p.Text.Contains(credit, StringComparison.Ordinal));
            Assert.NotEqual(credit, holder.Text);
            Assert.True(PassageChunker.CountWords(holder.Text) >= PassageChunker.MinWords, $"'{credit}' stands in a passage of {PassageChunker.CountWords(holder.Text)} words");
            Assert.True(holder.Segments.Count > 1);
        }
    }

    [Fact]
    public void Chunk_ShortParagraphsInTheMiddle_MergeAndKeepLocations()
    {
        var passages = PassageChunker.Chunk(TestCorpus.Document("doc", "Doc", Words(80, "alpha"), "A heading", "Photo: someone", Words(80, "bravo")));
        var heading = passages.Single(p => p.Text.Contains("A heading", StringComparison.Ordinal));
        Assert.True(PassageChunker.CountWords(heading.Text) >= PassageChunker.MinWords);
        Assert.Equal("¶2", heading.LocationAt(heading.Text.IndexOf("A heading", StringComparison.Ordinal)));
        var photo = passages.Single(p => p.Text.Contains("Photo: someone", StringComparison.Ordinal));
        Assert.Equal("¶3", photo.LocationAt(photo.Text.IndexOf("Photo: someone", StringComparison.Ordinal)));
    }

    [Fact]
    public void Chunk_ParagraphOver200Words_SplitsAtSentencesWithTheSameLocation()
    {
        var sentences = Enumerable.Range(1, 30).Select(i => $"Sentence number {i} tells of the regiment at Antung in some detail.");
        var passages = PassageChunker.Chunk(TestCorpus.Document("doc", "Doc", string.Join(' ', sentences)));
        Assert.True(passages.Count >= 2);
        foreach (var passage in passages)
        {
            Assert.InRange(PassageChunker.CountWords(passage.Text), PassageChunker.MinWords, PassageChunker.MaxWords);
            Assert.EndsWith(".", passage.Text, StringComparison.Ordinal);
            Assert.StartsWith("Sentence number", passage.Text, StringComparison.Ordinal);
            Assert.All(passage.Segments, s => Assert.Equal("¶1", s.Location));
        }
    }

    [Fact]
    public void Chunk_PassageSentences_NeverCrossBlocks()
    {
        var passages = PassageChunker.Chunk(TestCorpus.LoadFixture().Documents.Single(d => d.Info.Id == TestCorpus.MilwaukeeId));
        foreach (var passage in passages)
        {
            foreach (var (start, length) in passage.Sentences())
            {
                var sentence = passage.Text.Substring(start, length);
                Assert.DoesNotContain("\n\n", sentence, StringComparison.Ordinal);
                Assert.Equal(passage.LocationAt(start), passage.LocationAt(start + length - 1));
            }
        }
    }
}
