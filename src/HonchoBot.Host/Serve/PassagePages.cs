using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Retrieval;

namespace HonchoBot.Host.Serve;

/// <summary>
/// Server-rendered pages for the library and each source, with paragraph anchors and a passage
/// permalink that highlights the cited passage. No script; every piece of source text is HTML-encoded.
/// </summary>
internal static class PassagePages
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static void MapPassagePages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sources", (IndexHost host) => HtmlResult(Page("HonchoBot sources", Library(host))));
        endpoints.MapGet("/sources/{id}", (string id, IndexHost host) => SourcePage(host, id, highlight: null));
        endpoints.MapGet("/sources/{id}/passages/{ordinal:int}", (string id, int ordinal, IndexHost host) => SourcePage(host, id, ordinal));
    }

    private static string Library(IndexHost host)
    {
        var documents = host.LoadCorpus(logErrors: false).Documents.Where(d => d.Info.CommunityId is null).OrderBy(d => d.Info.Title, StringComparer.Ordinal);
        var body = new StringBuilder("<h1>Sources</h1>\n<table>\n<thead><tr><th scope=\"col\">Title</th><th scope=\"col\">Publisher</th><th scope=\"col\">Published</th><th scope=\"col\">Passages</th></tr></thead>\n<tbody>\n");
        foreach (var document in documents)
        {
            var info = document.Info;
            body.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/sources/{Html.Encode(info.Id)}\">{Html.Encode(info.Title)}</a></td><td>{Html.Encode(info.Publisher ?? "")}</td><td>{Html.Encode(info.Published ?? "")}</td><td>{PassageChunker.Chunk(document).Count}</td></tr>\n");
        }

        return body.Append("</tbody>\n</table>\n").ToString();
    }

    private static IResult SourcePage(IndexHost host, string id, int? highlight)
    {
        if (!SourceIds.IsValid(id) || host.LoadCorpus(logErrors: false).Documents.FirstOrDefault(d => d.Info.Id == id) is not { } document)
        {
            return HtmlResult(Page("Not found", "<h1>Source not found</h1>\n<p><a href=\"/sources\">All sources</a></p>"), StatusCodes.Status404NotFound);
        }

        var passages = PassageChunker.Chunk(document);
        if (highlight is { } cited && !passages.Any(p => p.Ordinal == cited))
        {
            return HtmlResult(Page("Not found", "<h1>Passage not found</h1>\n<p><a href=\"/sources/" + Html.Encode(id) + "\">The whole source</a></p>"), StatusCodes.Status404NotFound);
        }

        var info = document.Info;
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<p><a href=\"/sources\">All sources</a></p>\n<h1>{Html.Encode(info.Title)}</h1>\n<dl>\n");
        Meta("Author", info.Author);
        Meta("Publisher", info.Publisher);
        Meta("Published", info.Published);
        Meta("Notes", info.Notes);
        if (info.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var link) && link.Scheme is "http" or "https")
        {
            body.Append(CultureInfo.InvariantCulture, $"<dt>Original</dt><dd><a href=\"{Html.Encode(link.AbsoluteUri)}\">{Html.Encode(url)}</a></dd>\n");
        }

        body.Append("</dl>\n");
        foreach (var passage in passages)
        {
            var isCited = passage.Ordinal == highlight;
            body.Append(CultureInfo.InvariantCulture, $"<section id=\"passage-{passage.Ordinal}\"{(isCited ? " class=\"cited\" aria-label=\"Cited passage\"" : "")}>\n");
            if (isCited)
            {
                body.Append("<a id=\"passage\"></a>\n");

                // A citation link lands here: the source's perspective sits beside the cited passage, not only in
                // the metadata at the top of the page.
                if (!string.IsNullOrWhiteSpace(info.Notes))
                {
                    body.Append(CultureInfo.InvariantCulture, $"<aside class=\"notes\"><strong>About this source:</strong> {Html.Encode(info.Notes)}</aside>\n");
                }
            }

            for (var i = 0; i < passage.Segments.Count; i++)
            {
                var start = passage.Segments[i].Start;
                var end = i + 1 < passage.Segments.Count ? passage.Segments[i + 1].Start : passage.Text.Length;
                var location = passage.Segments[i].Location;
                var anchor = "p-" + new string(location.Where(char.IsAsciiDigit).ToArray());
                var text = Html.Encode(passage.Text[start..end].Trim());
                body.Append(CultureInfo.InvariantCulture, $"<p id=\"{anchor}\"><a class=\"loc\" href=\"#{anchor}\">{Html.Encode(location)}</a> {(isCited ? $"<mark>{text}</mark>" : text)}</p>\n");
            }

            body.Append("</section>\n");
        }

        return HtmlResult(Page(info.Title, body.ToString()));

        void Meta(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                body.Append(CultureInfo.InvariantCulture, $"<dt>{name}</dt><dd>{Html.Encode(value)}</dd>\n");
            }
        }
    }

    private static IResult HtmlResult(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    private static string Page(string title, string body) => $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Html.Encode(title)}</title>
        <style>
        body {"{"} font: 1rem/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; {"}"}
        .loc {"{"} color: #555; font-size: .85em; text-decoration: none; margin-right: .3em; {"}"}
        mark {"{"} background: #fff3b0; {"}"}
        section.cited {"{"} border-left: 4px solid #c9a400; padding-left: .75rem; {"}"}
        aside.notes {"{"} background: #f4f4f4; font-size: .9em; padding: .4rem .6rem; {"}"}
        table {"{"} border-collapse: collapse; width: 100%; {"}"} td, th {"{"} text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #ddd; {"}"}
        </style>
        </head>
        <body>
        <main>
        {body}
        </main>
        </body>
        </html>
        """;
}
