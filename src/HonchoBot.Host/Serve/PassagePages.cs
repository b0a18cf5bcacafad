using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Retrieval;
using HonchoBot.Core.Sources;

namespace HonchoBot.Host.Serve;

/// <summary>
/// Server-rendered pages: a home page, the library and each source, with one anchor per paragraph, and a
/// passage permalink that opens the source at the cited passage, highlighted. No script; every piece of
/// source text is HTML-encoded. A hidden source is not listed and has no page.
/// </summary>
internal static class PassagePages
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static void MapPassagePages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => HtmlResult(Page("HonchoBot", Home + Web.QuestionForm.Html())));
        endpoints.MapGet("/sources", (IndexHost host, IHiddenSources hidden) => HtmlResult(Page("HonchoBot sources", Library(host, hidden))));
        endpoints.MapGet("/sources/{id}", (string id, int? passage, IndexHost host, IHiddenSources hidden) => SourcePage(host, hidden, id, passage));
        endpoints.MapGet("/sources/{id}/passages/{ordinal:int}", (string id, int ordinal, IndexHost host, IHiddenSources hidden) => Permalink(host, hidden, id, ordinal));
    }

    private const string Home = """
        <h1>HonchoBot</h1>
        <p>Answers about the Soviet air war in Korea, quoted from its sources and cited.</p>
        <p><a href="/sources">The sources it answers from</a></p>
        """;

    /// <summary>A source shown on these public pages: not hidden by the operator, nor in the community it belongs to.</summary>
    /// <remarks>The library's metadata is cached by the index host; no page reads more than the one source it shows.</remarks>
    private static IEnumerable<CorpusEntry> Shown(IndexHost host, IHiddenSources hidden) =>
        host.Library().Sources.Where(d => !hidden.HiddenIn(d.Info.CommunityId).Contains(d.Info.Id));

    private static SourceDocument? Find(IndexHost host, IHiddenSources hidden, string id)
    {
        if (!SourceIds.IsValid(id) || Shown(host, hidden).FirstOrDefault(d => d.Info.Id == id) is not { } entry)
        {
            return null;
        }

        try
        {
            return entry.Load();
        }
        catch (IOException)
        {
            // Removed or changed on disk since the library was read: as good as not found.
            return null;
        }
    }

    private static string Library(IndexHost host, IHiddenSources hidden)
    {
        var documents = Shown(host, hidden).Where(d => d.Info.CommunityId is null).OrderBy(d => d.Info.Title, StringComparer.Ordinal);
        var body = new StringBuilder("<h1>Sources</h1>\n<table>\n<thead><tr><th scope=\"col\">Title</th><th scope=\"col\">Publisher</th><th scope=\"col\">Published</th><th scope=\"col\">Passages</th></tr></thead>\n<tbody>\n");
        foreach (var document in documents)
        {
            var info = document.Info;
            body.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/sources/{Html.Encode(info.Id)}\">{Html.Encode(info.Title)}</a></td><td>{Html.Encode(info.Publisher ?? "")}</td><td>{Html.Encode(info.Published ?? "")}</td><td>{document.Passages}</td></tr>\n");
        }

        return body.Append("</tbody>\n</table>\n").ToString();
    }

    /// <summary>
    /// The permalink sends the browser to the source page with the passage highlighted, at the passage: a fragment
    /// is the one way to open a page part-way down without script, and only a redirect can add one.
    /// </summary>
    private static IResult Permalink(IndexHost host, IHiddenSources hidden, string id, int ordinal)
    {
        if (Find(host, hidden, id) is not { } document)
        {
            return SourceNotFound();
        }

        return PassageChunker.Chunk(document).Any(p => p.Ordinal == ordinal)
            ? Results.Redirect(string.Create(CultureInfo.InvariantCulture, $"/sources/{id}?passage={ordinal}#passage-{ordinal}"))
            : PassageNotFound(id);
    }

    private static IResult SourceNotFound() =>
        HtmlResult(Page("Not found", "<h1>Source not found</h1>\n<p><a href=\"/sources\">All sources</a></p>"), StatusCodes.Status404NotFound);

    private static IResult PassageNotFound(string id) =>
        HtmlResult(Page("Not found", "<h1>Passage not found</h1>\n<p><a href=\"/sources/" + Html.Encode(id) + "\">The whole source</a></p>"), StatusCodes.Status404NotFound);

    private static IResult SourcePage(IndexHost host, IHiddenSources hidden, string id, int? highlight)
    {
        if (Find(host, hidden, id) is not { } document)
        {
            return SourceNotFound();
        }

        var passages = PassageChunker.Chunk(document);
        if (highlight is { } cited && !passages.Any(p => p.Ordinal == cited))
        {
            return PassageNotFound(id);
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

        // A paragraph split across passages keeps one label and one anchor: its first part's.
        var labelled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var passage in passages)
        {
            var isCited = passage.Ordinal == highlight;
            body.Append(CultureInfo.InvariantCulture, $"<section id=\"passage-{passage.Ordinal}\"{(isCited ? " class=\"cited\" aria-label=\"Cited passage\"" : "")}>\n");
            if (isCited)
            {
                // Citation links ask for #passage: browsers take the redirect's fragment instead, this catches the rest.
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
                var text = Html.Encode(passage.Text[start..end].Trim());
                var shown = isCited ? $"<mark>{text}</mark>" : text;
                if (labelled.Add(location))
                {
                    var anchor = "p-" + new string(location.Where(char.IsAsciiDigit).ToArray());
                    body.Append(CultureInfo.InvariantCulture, $"<p id=\"{anchor}\"><a class=\"loc\" href=\"#{anchor}\">{Html.Encode(location)}</a> {shown}</p>\n");
                }
                else
                {
                    body.Append(CultureInfo.InvariantCulture, $"<p class=\"cont\">{shown}</p>\n");
                }
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

    internal static IResult HtmlResult(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    /// <summary>The shared layout: no script, well-formed enough to parse as XML after the doctype, light and dark themes.</summary>
    internal static string Page(string title, string body) => $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{Html.Encode(title)}</title>
        <style>
        body {"{"} font: 1rem/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; {"}"}
        .loc {"{"} color: #555; font-size: .85em; text-decoration: none; margin-right: .3em; {"}"}
        mark {"{"} background: #fff3b0; {"}"}
        section.cited {"{"} border-left: 4px solid #c9a400; padding-left: .75rem; {"}"}
        aside.notes {"{"} background: #f4f4f4; font-size: .9em; padding: .4rem .6rem; {"}"}
        table {"{"} border-collapse: collapse; width: 100%; {"}"} td, th {"{"} text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #ddd; {"}"}
        :root {"{"} color-scheme: light dark; {"}"} body {"{"} background: #fff; {"}"}
        form.ask {"{"} display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0; {"}"} form.ask label {"{"} width: 100%; font-weight: 600; {"}"}
        form.ask input {"{"} flex: 1; min-width: 12rem; font: inherit; padding: .4rem .5rem; {"}"} form.ask button {"{"} font: inherit; padding: .4rem 1rem; {"}"}
        blockquote {"{"} margin: 0; padding: .2rem 0 .2rem .75rem; border-left: 4px solid #8a8a8a; {"}"}
        section.citation {"{"} margin: 1.25rem 0; {"}"} section.disagreement {"{"} border: 1px solid #c9a400; padding: .5rem 1rem; margin: 1.5rem 0; {"}"}
        img.chart {"{"} max-width: 100%; height: auto; border-radius: 6px; {"}"} .message {"{"} font-size: 1.1em; {"}"}
        @media (prefers-color-scheme: dark) {"{"}
        body {"{"} background: #15171a; color: #e4e4e4; {"}"} a {"{"} color: #8ab4f8; {"}"} a:visited {"{"} color: #c3a6f5; {"}"}
        .loc {"{"} color: #a8a8a8; {"}"} mark {"{"} background: #5a4a00; color: #fff; {"}"} aside.notes {"{"} background: #25282d; {"}"}
        td, th {"{"} border-bottom-color: #3a3d42; {"}"} section.cited {"{"} border-left-color: #b89600; {"}"}
        {"}"}
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
