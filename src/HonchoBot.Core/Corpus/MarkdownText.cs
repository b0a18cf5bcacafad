using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HonchoBot.Core.Corpus;

/// <summary>
/// The one Markdown reader, for corpus files (<see cref="SourceFileFormat"/>) and for Markdown sources a moderator
/// adds (<c>Ingestion/MarkdownExtractor</c>): Markdig with its YAML front-matter extension finds the front matter
/// and the body, and YamlDotNet reads the front matter's fields.
/// </summary>
/// <remarks>
/// Three small shims cover what Markdig does not: text before the opening fence that is only blank lines and spaces
/// is skipped for corpus files (Markdig wants the fence on the very first character); an empty front matter
/// (<c>---</c> right after <c>---</c>) is front matter, not two thematic breaks; and front matter whose strict YAML
/// fails but whose every line is <c>key: value</c> can still be read as plain lines (<see cref="TryReadPlainFields"/>;
/// Markdig does not parse YAML at all).
/// </remarks>
internal static partial class MarkdownText
{
    /// <summary>Markdig with YAML front matter and exact source positions for every inline.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePreciseSourceLocation().Build();

    /// <summary>The same without front matter, for a body already split off (a body may itself start with <c>---</c>).</summary>
    public static MarkdownPipeline BodyPipeline { get; } = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    /// <summary>
    /// Splits normalised text into front matter and body. <paramref name="skipLeadingBlankLines"/> allows blank lines
    /// and spaces (and a BOM) before the opening fence, as corpus files always have.
    /// </summary>
    public static MarkdownParts Split(string text, bool skipLeadingBlankLines)
    {
        var start = skipLeadingBlankLines ? text.TrimStart('\uFEFF', '\n', ' ') : text;
        if (!start.StartsWith("---\n", StringComparison.Ordinal))
        {
            return new MarkdownParts(FrontMatterState.None, null, start);
        }

        var block = FrontMatterBlock(start);
        if (block is null)
        {
            // Markdig reads an empty front matter ("---" right after "---") as two thematic breaks.
            var secondLineEnd = start.IndexOf('\n', 4);
            if ((secondLineEnd < 0 ? start[4..] : start[4..secondLineEnd]).TrimEnd() is "---" or "...")
            {
                return new MarkdownParts(FrontMatterState.Closed, string.Empty, secondLineEnd < 0 ? string.Empty : start[(secondLineEnd + 1)..]);
            }

            // Markdig opens front matter only when a closing fence follows; without one it is not front matter.
            return new MarkdownParts(FrontMatterState.Unclosed, null, start);
        }

        // The block's span ends on its closing fence line; the body starts on the line after it.
        var closingLineEnd = start.IndexOf('\n', block.Span.End);
        var body = closingLineEnd < 0 ? string.Empty : start[(closingLineEnd + 1)..];
        return new MarkdownParts(FrontMatterState.Closed, block.Lines.ToString(), body);
    }

    /// <summary>
    /// Markdig's front matter block of <paramref name="text"/> (which starts with a fence), or null when it reads none.
    /// </summary>
    /// <remarks>
    /// Markdig reads a document line by line and closes front matter at the first line that is a bare closing fence,
    /// so that block is the same whatever follows it. Parsing only up to the first line that could be a fence spares
    /// parsing the whole body, which was most of the time a corpus file took to load. When that prefix does not give
    /// a block closed on that very line (the line was no fence after all, or there is no such line), the whole text is
    /// parsed as before.
    /// </remarks>
    private static YamlFrontMatterBlock? FrontMatterBlock(string text)
    {
        var fence = FirstFenceLikeLine(text);
        if (fence >= 0)
        {
            var fenceEnd = text.IndexOf('\n', fence);
            var prefix = Markdown.Parse(fenceEnd < 0 ? text : text[..(fenceEnd + 1)], Pipeline);
            if (prefix.Count > 0 && prefix[0] is YamlFrontMatterBlock closed && closed.Span.End == fence - 1)
            {
                return closed;
            }
        }

        var document = Markdown.Parse(text, Pipeline);
        return document.Count > 0 ? document[0] as YamlFrontMatterBlock : null;
    }

    /// <summary>Where the first line after the opening one that starts with <c>---</c> or <c>...</c> starts, or -1.</summary>
    private static int FirstFenceLikeLine(string text)
    {
        for (var lineEnd = text.IndexOf('\n'); lineEnd >= 0; lineEnd = text.IndexOf('\n', lineEnd + 1))
        {
            var line = text.AsSpan(lineEnd + 1);
            if (line.StartsWith("---", StringComparison.Ordinal) || line.StartsWith("...", StringComparison.Ordinal))
            {
                return lineEnd + 1;
            }
        }

        return -1;
    }

    /// <summary>
    /// The scalar <c>key: value</c> pairs of the front matter (keys case-insensitive; nested values skipped), or null
    /// when its top level is not a mapping. Throws <see cref="YamlException"/> for YAML that does not parse.
    /// </summary>
    public static Dictionary<string, string>? ReadFields(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (stream.Documents.Count == 0)
        {
            return fields;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            return null;
        }

        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode { Value: { } scalar })
            {
                fields[name] = scalar;
            }
        }

        return fields;
    }

    /// <summary>
    /// Reads front matter whose every line is <c>key: value</c> (or blank, or a <c>#</c> comment), taking the
    /// whole rest of the line as the value; surrounding matching quotes are removed. People write
    /// <c>title: MiG Alley: The US Air Force</c> without quotes, which strict YAML refuses.
    /// </summary>
    public static bool TryReadPlainFields(string yaml, out Dictionary<string, string> fields)
    {
        fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in yaml.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var match = PlainField().Match(line);
            if (!match.Success)
            {
                fields.Clear();
                return false;
            }

            var value = match.Groups[2].Value.Trim();
            if (value.Length >= 2 && (value[0] is '"' or '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }

            fields[match.Groups[1].Value] = value;
        }

        return fields.Count > 0;
    }

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_-]*):(?:\s+(.*))?$")]
    private static partial Regex PlainField();
}
