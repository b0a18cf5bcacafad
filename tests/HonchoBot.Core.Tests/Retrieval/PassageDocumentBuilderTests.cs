using System.Globalization;
using System.Text;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Retrieval;
using HonchoBot.Core.Semantic;
using HonchoBot.Core.Tests.TestSupport;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace HonchoBot.Core.Tests.Retrieval;

/// <summary>
/// The builder fills one set of fields for every passage. An index written that way must hold exactly what a new
/// document per passage gives (the reference below): the same stored values in the same order, and the same terms
/// with the same documents, frequencies and positions.
/// </summary>
public sealed class PassageDocumentBuilderTests
{
    private static readonly FieldType PrefixType = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS });

    [Fact]
    public void Fill_ReusedForEveryPassageOfTheShippedCorpus_IndexesWhatNewDocumentsDo()
    {
        using var analysis = new TextAnalysis(SynonymList.Default);
        var load = CorpusLoader.Load([Path.Combine(ShippedCorpus.RepositoryRoot(), "corpus")], null);
        var passages = load.Documents.SelectMany(PassageChunker.Chunk).ToList();
        Assert.True(passages.Count >= 10, $"the shipped corpus gave only {passages.Count} passages");

        // Claims come and go and communities change from one passage to the next, so the builder switches between
        // its two documents and overwrites every value.
        var inputs = passages.Select((p, i) => (Passage: p, Tokens: analysis.AnalyzeText(p.Text), Claims: i % 3 == 0 ? null : $"[\"claims of {p.Id}\"]", Community: i % 2 == 0 ? "global" : $"community-{i % 5}")).ToList();

        using var built = new RAMDirectory();
        using (var writer = new IndexWriter(built, new IndexWriterConfig(LuceneVersion.LUCENE_48, analysis.Index)))
        using (var builder = new PassageDocumentBuilder())
        {
            foreach (var input in inputs)
            {
                writer.AddDocument(builder.Fill(input.Passage, input.Tokens, SourceJson(input.Passage), input.Claims, input.Community));
            }
        }

        using var reference = new RAMDirectory();
        using (var writer = new IndexWriter(reference, new IndexWriterConfig(LuceneVersion.LUCENE_48, analysis.Index)))
        {
            foreach (var input in inputs)
            {
                writer.AddDocument(NewDocument(input.Passage, input.Tokens, SourceJson(input.Passage), input.Claims, input.Community));
            }
        }

        Assert.Equal(Dump(reference), Dump(built));
    }

    [Fact]
    public void Fill_ThenReadBack_GivesThePassage()
    {
        using var analysis = new TextAnalysis(SynonymList.Default);
        var passage = new Passage("some-source#3", "some-source", 3, "First part.\n\nSecond part.", [new PassageSegment(0, "p. 4"), new PassageSegment(13, "¶7")]);
        using var builder = new PassageDocumentBuilder();

        var document = builder.Fill(passage, analysis.AnalyzeText(passage.Text), "{}", null, "global");

        Assert.Equal(passage, PassageDocuments.ReadPassage(document), PassageComparer.Instance);
        Assert.Null(document.Get(PassageDocuments.ClaimsField, CultureInfo.InvariantCulture));
    }

    private static string SourceJson(Passage passage) => PassageDocuments.SourceJson(new SourceInfo(passage.SourceId, "Title of " + passage.SourceId));

    /// <summary>A passage's document made new, field by field, as the index did before the builder.</summary>
    private static Document NewDocument(Passage passage, IReadOnlyList<AnalyzedToken> tokens, string sourceJson, string? claimsJson, string community)
    {
        var document = new Document
        {
            new StringField(PassageDocuments.IdField, passage.Id, Field.Store.YES),
            new StringField(PassageDocuments.SourceIdField, passage.SourceId, Field.Store.YES),
            new StringField(PassageDocuments.CommunityField, community, Field.Store.YES),
            new StoredField(PassageDocuments.VectorKeyField, PassageVectorKey.ToHex(PassageVectorKey.Of(passage.Text))),
            new TextField(TextAnalysis.TextField, new TokenListStream(tokens)),
            new StoredField(TextAnalysis.TextField, passage.Text),
            new Field(TextAnalysis.PrefixField, new TokenListStream(tokens, TextAnalysis.PrefixLength), PrefixType),
            new StoredField(PassageDocuments.SegmentsField, string.Join('\u001F', passage.Segments.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Start}\u001E{s.Location}")))),
            new StoredField(PassageDocuments.SourceField, sourceJson),
        };
        if (claimsJson is not null)
        {
            document.Add(new StoredField(PassageDocuments.ClaimsField, claimsJson));
        }

        return document;
    }

    /// <summary>Every stored field of every document in order, then every term of every field with its postings.</summary>
    private static string Dump(Lucene.Net.Store.Directory directory)
    {
        using var reader = DirectoryReader.Open(directory);
        var dump = new StringBuilder();
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            dump.Append("doc ").Append(doc).Append(':');
            foreach (var field in reader.Document(doc).Fields)
            {
                dump.Append(' ').Append(field.Name).Append('=').Append(field.GetStringValue());
            }

            dump.Append('\n');
        }

        var fields = MultiFields.GetFields(reader);
        foreach (var name in fields)
        {
            var terms = fields.GetTerms(name).GetEnumerator();
            while (terms.MoveNext())
            {
                dump.Append(name).Append(':').Append(terms.Term.Utf8ToString());
                var positions = terms.DocsAndPositions(null, null);
                if (positions is null)
                {
                    var docs = terms.Docs(null, null, DocsFlags.FREQS);
                    while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                    {
                        dump.Append(' ').Append(docs.DocID).Append('x').Append(docs.Freq);
                    }
                }
                else
                {
                    while (positions.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                    {
                        dump.Append(' ').Append(positions.DocID).Append('@');
                        for (var i = 0; i < positions.Freq; i++)
                        {
                            dump.Append(positions.NextPosition()).Append(',');
                        }
                    }
                }

                dump.Append('\n');
            }
        }

        return dump.ToString();
    }

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    private sealed class PassageComparer : IEqualityComparer<Passage>
    {
        public static readonly PassageComparer Instance = new();

        public bool Equals(Passage? x, Passage? y) =>
            x is not null && y is not null && x.Id == y.Id && x.SourceId == y.SourceId && x.Ordinal == y.Ordinal && x.Text == y.Text && x.Segments.SequenceEqual(y.Segments);

        public int GetHashCode(Passage obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
