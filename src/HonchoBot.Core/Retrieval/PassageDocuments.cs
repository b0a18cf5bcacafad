using System.Globalization;
using System.Text.Json;
using HonchoBot.Core.Corpus;
using Lucene.Net.Documents;

namespace HonchoBot.Core.Retrieval;

/// <summary>Maps passages to Lucene documents and back. Lucene's <see cref="Document"/> never leaves Retrieval.</summary>
internal static class PassageDocuments
{
    public const string IdField = "id";
    public const string SourceIdField = "doc_id";
    public const string CommunityField = "community";
    public const string SegmentsField = "segments";
    public const string SourceField = "source";
    public const string ClaimsField = "claims";
    public const string VectorKeyField = "vector_key";
    public const string GlobalCommunity = "global";

    /// <summary>Bump when the fields change: the index records it and rebuilds on a mismatch.</summary>
    public const string Layout = "doc-3";

    /// <summary>
    /// The prefix field is only ever searched by single terms, so it keeps no positions: inverting it costs less
    /// and its scores are the same (BM25 reads term frequencies and the field's length, not positions).
    /// </summary>
    private static readonly FieldType PrefixFieldType = Frozen(new FieldType(Lucene.Net.Documents.TextField.TYPE_NOT_STORED)
    {
        IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS,
    });

    /// <summary>
    /// The passage as a Lucene document. Its text is analysed once (<paramref name="tokens"/>): the text field
    /// indexes those tokens, the prefix field their first letters, and the text itself is stored.
    /// </summary>
    public static Document ToDocument(Passage passage, IReadOnlyList<AnalyzedToken> tokens, string sourceJson, string? claimsJson, string community)
    {
        var document = new Document
        {
            new StringField(IdField, passage.Id, Field.Store.YES),
            new StringField(SourceIdField, passage.SourceId, Field.Store.YES),
            new StringField(CommunityField, community, Field.Store.YES),
            new StoredField(VectorKeyField, Semantic.PassageVectorKey.ToHex(Semantic.PassageVectorKey.Of(passage.Text))),
            new TextField(TextAnalysis.TextField, new TokenListStream(tokens)),
            new StoredField(TextAnalysis.TextField, passage.Text),
            new Field(TextAnalysis.PrefixField, new TokenListStream(tokens, TextAnalysis.PrefixLength), PrefixFieldType),
            new StoredField(SegmentsField, EncodeSegments(passage.Segments)),
            new StoredField(SourceField, sourceJson),
        };
        if (claimsJson is not null)
        {
            document.Add(new StoredField(ClaimsField, claimsJson));
        }

        return document;
    }

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    public static string SourceJson(SourceInfo info) => JsonSerializer.Serialize(info, JsonDefaults.Compact);

    public static SourceInfo ReadSource(string json) =>
        JsonSerializer.Deserialize<SourceInfo>(json, JsonDefaults.Compact) ?? throw new InvalidDataException("empty source metadata");

    public static Passage ReadPassage(Document document)
    {
        var id = document.Get(IdField, CultureInfo.InvariantCulture);
        var hash = id.LastIndexOf('#');
        var ordinal = int.Parse(id.AsSpan(hash + 1), CultureInfo.InvariantCulture);
        return new Passage(id, document.Get(SourceIdField, CultureInfo.InvariantCulture), ordinal, document.Get(TextAnalysis.TextField, CultureInfo.InvariantCulture), DecodeSegments(document.Get(SegmentsField, CultureInfo.InvariantCulture)));
    }

    private static string EncodeSegments(IReadOnlyList<PassageSegment> segments) =>
        string.Join('\u001F', segments.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Start}\u001E{s.Location}")));

    private static PassageSegment[] DecodeSegments(string encoded) =>
        encoded.Split('\u001F').Select(part =>
        {
            var separator = part.IndexOf('\u001E');
            return new PassageSegment(int.Parse(part.AsSpan(0, separator), CultureInfo.InvariantCulture), part[(separator + 1)..]);
        }).ToArray();
}
