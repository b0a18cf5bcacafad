using System.Globalization;
using HonchoBot.Core.Corpus;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace HonchoBot.Core.Retrieval;

/// <summary>
/// Fills one set of Lucene fields with each passage in turn, for a writer that takes documents one at a time (see
/// <see cref="PassageIndex"/>): Lucene's own advice for fast indexing. A new document per passage cost a dozen field
/// and token-stream objects, and creating a token stream's attributes takes a lock that every indexing thread shares.
/// One builder per thread; the document it returns is valid until its next <see cref="Fill"/>.
/// </summary>
internal sealed class PassageDocumentBuilder : IDisposable
{
    /// <summary>
    /// The prefix field is only ever searched by single terms, so it keeps no positions: inverting it costs less
    /// and its scores are the same (BM25 reads term frequencies and the field's length, not positions).
    /// </summary>
    private static readonly FieldType PrefixFieldType = Frozen(new FieldType(TextField.TYPE_NOT_STORED)
    {
        IndexOptions = IndexOptions.DOCS_AND_FREQS,
    });

    private readonly StringField _id = new(PassageDocuments.IdField, string.Empty, Field.Store.YES);
    private readonly StringField _sourceId = new(PassageDocuments.SourceIdField, string.Empty, Field.Store.YES);
    private readonly StringField _community = new(PassageDocuments.CommunityField, string.Empty, Field.Store.YES);
    private readonly StoredField _vectorKey = new(PassageDocuments.VectorKeyField, string.Empty);
    private readonly TokenListStream _terms = new([]);
    private readonly TokenListStream _prefixes = new([], TextAnalysis.PrefixLength);
    private readonly StoredField _text = new(TextAnalysis.TextField, string.Empty);
    private readonly StoredField _segments = new(PassageDocuments.SegmentsField, string.Empty);
    private readonly StoredField _source = new(PassageDocuments.SourceField, string.Empty);
    private readonly StoredField _claims = new(PassageDocuments.ClaimsField, string.Empty);
    private readonly Document _withClaims = [];
    private readonly Document _withoutClaims = [];

    public PassageDocumentBuilder()
    {
        IIndexableField[] fields =
        [
            _id, _sourceId, _community, _vectorKey,
            new TextField(TextAnalysis.TextField, _terms),
            _text,
            new Field(TextAnalysis.PrefixField, _prefixes, PrefixFieldType),
            _segments, _source,
        ];
        foreach (var field in fields)
        {
            _withClaims.Add(field);
            _withoutClaims.Add(field);
        }

        _withClaims.Add(_claims);
    }

    /// <summary>
    /// The passage as a Lucene document. Its text is analysed once (<paramref name="tokens"/>): the text field
    /// indexes those tokens, the prefix field their first letters, and the text itself is stored.
    /// </summary>
    public Document Fill(Passage passage, IReadOnlyList<AnalyzedToken> tokens, string sourceJson, string? claimsJson, string community)
    {
        _id.SetStringValue(passage.Id);
        _sourceId.SetStringValue(passage.SourceId);
        _community.SetStringValue(community);
        _vectorKey.SetStringValue(Semantic.PassageVectorKey.ToHex(Semantic.PassageVectorKey.Of(passage.Text)));
        _terms.Replay(tokens);
        _prefixes.Replay(tokens);
        _text.SetStringValue(passage.Text);
        _segments.SetStringValue(EncodeSegments(passage.Segments));
        _source.SetStringValue(sourceJson);
        if (claimsJson is null)
        {
            return _withoutClaims;
        }

        _claims.SetStringValue(claimsJson);
        return _withClaims;
    }

    public void Dispose()
    {
        _terms.Dispose();
        _prefixes.Dispose();
    }

    /// <summary>Segments as <see cref="PassageDocuments.ReadPassage"/> decodes them.</summary>
    private static string EncodeSegments(IReadOnlyList<PassageSegment> segments) =>
        string.Join('\u001F', segments.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Start}\u001E{s.Location}")));

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
