using System.Text.RegularExpressions;
using HonchoBot.Core.Corpus;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HonchoBot.Core.Ingestion;

/// <summary>
/// Markdown with or without YAML front matter. Front matter gives id, title, author, publisher, url,
/// published and notes (the corpus format's own keys; registry-owned keys such as <c>added_by</c> and
/// <c>community</c> are ignored, and the id is only a request the registry checks). The body keeps its
/// words: heading marks, image syntax and link targets are dropped, link text stays.
/// </summary>
internal static partial class MarkdownExtractor
{
    public static ExtractionResult Extract(string text)
    {
        text = TextNormalizer.Normalize(text).TrimStart('\uFEFF');
        var body = text;
        Dictionary<string, string> fields = new(StringComparer.OrdinalIgnoreCase);
        if (text.StartsWith("---\n", StringComparison.Ordinal))
        {
            var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
            if (end < 0)
            {
                return ExtractionResult.Fail("the Markdown front matter has no closing '---' line");
            }

            try
            {
                fields = ReadFields(text[4..end]);
            }
            catch (YamlException ex)
            {
                return ExtractionResult.Fail($"the Markdown front matter is not valid YAML (line {ex.Start.Line})");
            }

            var afterFence = text.IndexOf('\n', end + 4);
            body = afterFence < 0 ? string.Empty : text[(afterFence + 1)..];
        }

        string? heading = null;
        var paragraphs = new List<string>();
        foreach (var paragraph in TextNormalizer.SplitParagraphs(StripHtmlComments().Replace(body, "\n\n")))
        {
            var headingMatch = Heading().Match(paragraph);
            var clean = headingMatch.Success ? headingMatch.Groups[1].Value : paragraph;
            clean = Image().Replace(clean, string.Empty);
            clean = Link().Replace(clean, "$1");
            heading ??= headingMatch.Success ? clean.Trim() : null;
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

    private static Dictionary<string, string> ReadFields(string yaml)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode mapping)
        {
            foreach (var (key, value) in mapping.Children)
            {
                if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode { Value: { } scalar })
                {
                    fields[name] = scalar;
                }
            }
        }

        return fields;
    }

    [GeneratedRegex(@"^#{1,6}\s+(.*?)\s*#*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex StripHtmlComments();
}
