using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace HonchoBot.Core.Ingestion;

/// <summary>
/// The main article text of an HTML page (AngleSharp's HTML5 parser, which accepts any tag soup).
/// Scripts, styles, navigation, headers, footers, asides, forms (comment forms) and elements whose
/// id or class names them as comments, menus, sharing or sidebars are dropped; the article is the
/// <c>&lt;article&gt;</c> or <c>&lt;main&gt;</c> element, else the element holding the most paragraph
/// text (the Readability idea). Title: <c>og:title</c>, then <c>&lt;title&gt;</c>, then the first h1.
/// </summary>
internal static partial class HtmlExtractor
{
    private const string BlockSelector = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dd, dt, td, th";

    private static readonly string[] Dropped =
    [
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe",
        "svg", "canvas", "button", "select", "textarea", "input", "object", "embed",
        "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[role=complementary]", "[aria-hidden=true]", "[hidden]",
    ];

    public static ExtractionResult Extract(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);

        var title = Meta(document, "meta[property='og:title']")
            ?? NullIfBlank(document.Title)
            ?? NullIfBlank(document.QuerySelector("h1")?.TextContent);
        var author = Meta(document, "meta[name='author']") ?? Meta(document, "meta[property='article:author']");
        var publisher = Meta(document, "meta[property='og:site_name']");
        var published = Meta(document, "meta[property='article:published_time']") is { } time && IsoDate().Match(time) is { Success: true } date
            ? date.Value
            : null;

        foreach (var element in document.QuerySelectorAll(string.Join(", ", Dropped)).ToList())
        {
            element.Remove();
        }

        foreach (var element in document.QuerySelectorAll("[id], [class]").Where(IsBoilerplate).ToList())
        {
            element.Remove();
        }

        var root = FindArticle(document);
        if (root is null)
        {
            return new ExtractionResult(new ExtractedSource([], title, author, publisher, null, published), null);
        }

        var paragraphs = root.QuerySelectorAll(BlockSelector)
            .Where(e => e.QuerySelector(BlockSelector) is null)
            .Select(e => e.TextContent)
            .ToList();
        if (paragraphs.Count == 0)
        {
            paragraphs = [.. root.TextContent.Split('\n')];
        }

        var blocks = Blocks.FromParagraphs(paragraphs);
        return new ExtractionResult(new ExtractedSource(blocks, title is null ? null : Blocks.OneLine(title), author, publisher, null, published), null);
    }

    private static IElement? FindArticle(IDocument document)
    {
        var article = document.QuerySelectorAll("article, main, [role=main]")
            .OrderByDescending(e => e.TextContent.Length)
            .FirstOrDefault(e => e.TextContent.Trim().Length > 0);
        if (article is not null)
        {
            return article;
        }

        // The parent holding the most paragraph text is the article body.
        var best = document.QuerySelectorAll("p")
            .Where(p => p.ParentElement is not null)
            .GroupBy(p => p.ParentElement!)
            .Select(g => (Element: g.Key, Score: g.Sum(p => p.TextContent.Trim().Length)))
            .OrderByDescending(x => x.Score)
            .FirstOrDefault();
        return best.Score > 0 ? best.Element : document.Body;
    }

    private static bool IsBoilerplate(IElement element)
    {
        if (element.LocalName is "body" or "html" or "article" or "main")
        {
            return false;
        }

        var names = $"{element.Id} {element.ClassName}";
        return BoilerplateName().IsMatch(names);
    }

    private static string? Meta(IDocument document, string selector) =>
        NullIfBlank(document.QuerySelector(selector)?.GetAttribute("content"));

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"(^|[\s_-])(comments?|comment-form|respond|reply|sidebar|nav|navbar|navigation|menu|footer|share|sharing|social|related|cookie|cookies|subscribe|newsletter|advert|advertisement|ads|promo|breadcrumbs?|widget)($|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex BoilerplateName();

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?")]
    private static partial Regex IsoDate();
}
