using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using HonchoBot.Core.Answers;

namespace HonchoBot.Host.Serve.Web;

/// <summary>
/// The body of the <c>/ask</c> page for one answer: the question box, the cited excerpts numbered as in chat, each
/// linked to its passage page and followed by its source's perspective notes, then the "sources disagree" block
/// with the chart inline. Every piece of text is HTML-encoded; the chart is a data URI, drawn on the worker.
/// </summary>
internal static class AnswerPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static string Body(Answer answer, byte[]? chart)
    {
        var body = new StringBuilder();
        body.Append("<p><a href=\"/\">HonchoBot</a> · <a href=\"/sources\">Sources</a></p>\n");
        body.Append(QuestionForm.Html(answer.Question)).Append('\n');
        if (answer.Status != AnswerStatus.Answered)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"message\" role=\"status\">{Html.Encode(answer.Message ?? "")}</p>\n");
            return body.ToString();
        }

        body.Append("<h1>What the sources say</h1>\n");
        foreach (var citation in answer.Citations)
        {
            Cite(body, citation);
        }

        if (answer.Disagreements.Count > 0)
        {
            Disagreements(body, answer, chart);
        }

        return body.ToString();
    }

    /// <summary>The passage page of a citation: <c>{source}#{ordinal}</c> becomes <c>/sources/{source}/passages/{ordinal}</c>.</summary>
    public static string PassageLink(Citation citation)
    {
        var hash = citation.PassageId.LastIndexOf('#');
        var ordinal = hash >= 0 ? citation.PassageId[(hash + 1)..] : "";
        return ordinal.Length > 0 && ordinal.All(char.IsAsciiDigit)
            ? $"/sources/{Uri.EscapeDataString(citation.SourceId)}/passages/{ordinal}"
            : $"/sources/{Uri.EscapeDataString(citation.SourceId)}";
    }

    private static void Cite(StringBuilder body, Citation citation)
    {
        var n = citation.N.ToString(CultureInfo.InvariantCulture);
        body.Append(CultureInfo.InvariantCulture, $"<section class=\"citation\" id=\"c{n}\">\n");
        body.Append(CultureInfo.InvariantCulture, $"<blockquote>{Html.Encode(citation.Excerpt)}</blockquote>\n");
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"source\"><a class=\"cite\" href=\"{Html.Encode(PassageLink(citation))}\">[{n}]</a> {Html.Encode(citation.Title)}");
        var details = new[] { citation.Author, citation.Publisher, citation.Published, citation.Location }.Where(d => !string.IsNullOrWhiteSpace(d));
        body.Append(CultureInfo.InvariantCulture, $" <span class=\"loc\">{Html.Encode(string.Join(", ", details))}</span>");
        if (citation.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var link) && link.Scheme is "http" or "https")
        {
            body.Append(CultureInfo.InvariantCulture, $" <a href=\"{Html.Encode(link.AbsoluteUri)}\">original</a>");
        }

        body.Append("</p>\n");
        if (!string.IsNullOrWhiteSpace(citation.Notes))
        {
            body.Append(CultureInfo.InvariantCulture, $"<aside class=\"notes\"><strong>About this source:</strong> {Html.Encode(citation.Notes)}</aside>\n");
        }

        body.Append("</section>\n");
    }

    private static void Disagreements(StringBuilder body, Answer answer, byte[]? chart)
    {
        body.Append("<section class=\"disagreement\" aria-labelledby=\"disagree\">\n<h2 id=\"disagree\">Sources disagree</h2>\n");
        foreach (var disagreement in answer.Disagreements)
        {
            body.Append(CultureInfo.InvariantCulture, $"<h3>{Html.Encode(disagreement.Topic)} <span class=\"loc\">({Kind(disagreement.Kind)})</span></h3>\n<ul>\n");
            foreach (var claim in disagreement.Claims)
            {
                var n = claim.Citation.ToString(CultureInfo.InvariantCulture);
                body.Append(CultureInfo.InvariantCulture, $"<li><a class=\"cite\" href=\"#c{n}\">[{n}]</a> <strong>{Html.Encode(claim.Value)}</strong>: “{Html.Encode(claim.Statement)}”</li>\n");
            }

            body.Append(CultureInfo.InvariantCulture, $"</ul>\n<p>{Html.Encode(disagreement.Note)}</p>\n");
        }

        if (chart is not null)
        {
            var figures = string.Join("; ", answer.Disagreements[0].Claims.Select(c => $"[{c.Citation}] {c.Value}"));
            body.Append(CultureInfo.InvariantCulture, $"<img class=\"chart\" width=\"640\" height=\"400\" alt=\"Bar chart of the disputed figures: {Html.Encode(figures)}\" src=\"data:image/png;base64,{Convert.ToBase64String(chart)}\" />\n");
        }

        body.Append("</section>\n");
    }

    private static string Kind(DisagreementKind kind) => kind switch
    {
        DisagreementKind.Conflict => "conflicting figures",
        DisagreementKind.DifferentMeasure => "different measures",
        DisagreementKind.ChangeOverTime => "changed over time",
        _ => "disagreement",
    };
}
