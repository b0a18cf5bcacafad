using HonchoBot.Core.Corpus;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Core;

namespace HonchoBot.Core.Ingestion;

/// <summary>
/// Markdown with or without YAML front matter, read with the one Markdown reader (<see cref="MarkdownText"/>, Markdig).
/// Front matter gives id, title, author, publisher, url, published and notes (the corpus format's own keys;
/// registry-owned keys such as <c>added_by</c> and <c>community</c> are ignored, and the id is only a request the
/// registry checks). The body keeps its words as written: HTML comments, heading marks, images and link targets are
/// dropped, link text stays, and any other markup (emphasis, list marks) is left as it is.
/// </summary>
internal static class MarkdownExtractor
{
    public static ExtractionResult Extract(string text)
    {
        text = TextNormalizer.Normalize(text).TrimStart('\uFEFF');
        var parts = MarkdownText.Split(text, skipLeadingBlankLines: false);
        Dictionary<string, string> fields = new(StringComparer.OrdinalIgnoreCase);
        switch (parts.State)
        {
            case FrontMatterState.Unclosed:
                return ExtractionResult.Fail("the Markdown front matter has no closing '---' line");
            case FrontMatterState.Closed:
                try
                {
                    // Front matter that is not a mapping gives no metadata; the body is still read.
                    fields = MarkdownText.ReadFields(parts.Yaml!) ?? fields;
                }
                catch (YamlException ex)
                {
                    return ExtractionResult.Fail($"the Markdown front matter is not valid YAML (line {ex.Start.Line})");
                }

                break;
        }

        string? heading = null;
        var paragraphs = new List<string>();
        foreach (var paragraph in TextNormalizer.SplitParagraphs(WithoutComments(parts.Body)))
        {
            var (clean, isHeading) = Clean(paragraph);
            heading ??= isHeading ? clean.Trim() : null;
            paragraphs.Add(clean);
        }

        var blocks = Blocks.FromParagraphs(paragraphs);
        return new ExtractionResult(
            new ExtractedSource(
                blocks,
                Get("title") ?? heading,
                Get("author"),
                Get("publisher"),
                Get("url"),
                Get("published"),
                Get("notes"),
                Get("id")),
            null);

        string? Get(string key) => fields.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }

    /// <summary>The body with every HTML comment Markdig finds replaced by a paragraph break.</summary>
    private static string WithoutComments(string body)
    {
        var document = Markdown.Parse(body, MarkdownText.BodyPipeline);
        var comments = new List<(int Start, int End)>();
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HtmlBlock { Type: HtmlBlockType.Comment } block:
                    // A comment block runs to the end of the line that closes it: only the comment itself goes.
                    var blockText = body[block.Span.Start..Math.Min(body.Length, block.Span.End + 1)];
                    var open = blockText.IndexOf("<!--", StringComparison.Ordinal);
                    var close = blockText.LastIndexOf("-->", StringComparison.Ordinal);
                    if (open >= 0 && close > open)
                    {
                        comments.Add((block.Span.Start + open, block.Span.Start + close + 3));
                    }

                    break;
                case HtmlInline inline when inline.Tag.StartsWith("<!--", StringComparison.Ordinal):
                    comments.Add((inline.Span.Start, inline.Span.End + 1));
                    break;
            }
        }

        return Apply(body, comments.Select(c => (c.Start, c.End, "\n\n")));
    }

    /// <summary>
    /// One paragraph without heading marks, images and link targets. A paragraph is a heading when Markdig reads it
    /// as a single ATX heading (<c># Title</c>) with some text.
    /// </summary>
    private static (string Text, bool IsHeading) Clean(string paragraph)
    {
        var document = Markdown.Parse(paragraph, MarkdownText.BodyPipeline);
        var edits = new List<(int Start, int End, string Replacement)>();
        var isHeading = false;
        if (document is [HeadingBlock { IsSetext: false, Inline: { FirstChild: { } first, LastChild: { } last } }])
        {
            isHeading = true;
            edits.Add((0, first.Span.Start, string.Empty));
            edits.Add((last.Span.End + 1, paragraph.Length, string.Empty));
        }

        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsInlineForm(paragraph, link) || HasLinkAncestor(link))
            {
                continue;
            }

            if (link.IsImage)
            {
                edits.Add((link.Span.Start, link.Span.End + 1, string.Empty));
            }
            else if (link is { FirstChild: not null, LastChild: { } labelEnd })
            {
                // The label exactly as written, less any image inside it.
                var from = link.Span.Start + 1;
                var images = link.Descendants<LinkInline>()
                    .Where(i => i.IsImage && IsInlineForm(paragraph, i))
                    .Select(i => (i.Span.Start - from, i.Span.End + 1 - from, string.Empty));
                edits.Add((link.Span.Start, link.Span.End + 1, Apply(paragraph[from..(labelEnd.Span.End + 1)], images)));
            }
        }

        return (Apply(paragraph, edits), isHeading);
    }

    /// <summary>
    /// <c>[text](target)</c> or <c>![alt](target)</c> written inline; reference links (<c>[text][ref]</c>) and
    /// autolinks stay as written.
    /// </summary>
    private static bool IsInlineForm(string text, LinkInline link)
    {
        if (link.Span.End >= text.Length || text[link.Span.End] != ')')
        {
            return false;
        }

        var labelEnd = link.LastChild is { } last ? last.Span.End + 1 : link.Span.Start + (link.IsImage ? 2 : 1);
        return labelEnd + 1 < text.Length && text[labelEnd] == ']' && text[labelEnd + 1] == '(';
    }

    private static bool HasLinkAncestor(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Applies non-overlapping replacements (start inclusive, end exclusive), keeping everything else verbatim.</summary>
    private static string Apply(string text, IEnumerable<(int Start, int End, string Replacement)> edits)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var cursor = 0;
        foreach (var (start, end, replacement) in edits.OrderBy(e => e.Start))
        {
            if (start < cursor)
            {
                continue;
            }

            builder.Append(text, cursor, start - cursor).Append(replacement);
            cursor = Math.Max(cursor, end);
        }

        return builder.Append(text, cursor, text.Length - cursor).ToString();
    }
}
