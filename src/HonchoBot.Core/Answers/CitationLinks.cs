using System.Globalization;

namespace HonchoBot.Core.Answers;

/// <summary>Links to the server's passage pages (served by <c>honcho serve</c>).</summary>
public static class CitationLinks
{
    /// <summary><c>{base}/sources/{id}/passages/{ordinal}#passage</c>.</summary>
    public static string Permalink(string baseUrl, string sourceId, int ordinal) =>
        string.Create(CultureInfo.InvariantCulture, $"{baseUrl.TrimEnd('/')}/sources/{Uri.EscapeDataString(sourceId)}/passages/{ordinal}#passage");

    /// <summary>Fills in passage-page links for citations whose source has no URL.</summary>
    public static Answer Apply(Answer answer, string? publicBaseUrl)
    {
        if (string.IsNullOrWhiteSpace(publicBaseUrl) || answer.Citations.All(c => c.Url is not null))
        {
            return answer;
        }

        var citations = answer.Citations.Select(c => c.Url is not null ? c : c with
        {
            Url = Permalink(publicBaseUrl, c.SourceId, int.Parse(c.PassageId.AsSpan(c.PassageId.LastIndexOf('#') + 1), CultureInfo.InvariantCulture)),
        }).ToList();
        return answer with { Citations = citations };
    }
}
