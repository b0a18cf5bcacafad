using System.Globalization;
using System.Text.Json;
using HonchoBot.Core.Corpus;
using Lucene.Net.Documents;

namespace HonchoBot.Core.Retrieval;

/// <summary>
/// The fields of a passage's Lucene document, and passages read back from one (<see cref="PassageDocumentBuilder"/> writes
/// them). Lucene's <see cref="Document"/> never leaves Retrieval.
/// </summary>
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

    private static PassageSegment[] DecodeSegments(string encoded) =>
        encoded.Split('\u001F').Select(part =>
        {
            var separator = part.IndexOf('\u001E');
            return new PassageSegment(int.Parse(part.AsSpan(0, separator), CultureInfo.InvariantCulture), part[(separator + 1)..]);
        }).ToArray();
}
