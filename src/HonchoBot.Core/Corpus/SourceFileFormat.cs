using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace HonchoBot.Core.Corpus;

/// <summary>
/// Reads and writes the corpus format: UTF-8 Markdown with YAML front matter (README.md, "Corpus format"),
/// split by the one Markdown reader, <see cref="MarkdownText"/>.
/// A line <c>&lt;!-- page N --&gt;</c> in the body marks the start of PDF page N, so page locations
/// survive the round trip through Markdown.
/// </summary>
public static partial class SourceFileFormat
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses a file's bytes; <paramref name="fileName"/> gives the default id and error context.</summary>
    public static SourceParseResult Parse(ReadOnlySpan<byte> bytes, string fileName, bool isShipped)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[3..] : bytes);
        }
        catch (DecoderFallbackException)
        {
            return SourceParseResult.Fail(fileName, "not valid UTF-8 text");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
        return Parse(text, fileName, isShipped, hash);
    }

    private static SourceParseResult Parse(string text, string fileName, bool isShipped, string hash)
    {
        text = TextNormalizer.Normalize(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return SourceParseResult.Fail(fileName, "the file is empty");
        }

        var parts = MarkdownText.Split(text, skipLeadingBlankLines: true);
        if (parts is not { State: FrontMatterState.Closed, Yaml: { } yaml, Body: var body })
        {
            return SourceParseResult.Fail(fileName, "missing YAML front matter (a '---' block with at least a title)");
        }

        Dictionary<string, string> fields;
        try
        {
            fields = MarkdownText.ReadFields(yaml) ?? throw new InvalidDataException("the front matter is not a list of 'key: value' lines");
        }
        catch (YamlException ex)
        {
            // People write "title: MiG Alley: The US Air Force" without quotes (strict YAML refuses the second
            // colon); front matter made only of "key: value" lines is read the way its author meant it.
            if (!MarkdownText.TryReadPlainFields(yaml, out fields))
            {
                return SourceParseResult.Fail(fileName, $"bad YAML front matter at line {ex.Start.Line}: {ex.Message}");
            }
        }
        catch (InvalidDataException ex)
        {
            return SourceParseResult.Fail(fileName, ex.Message);
        }

        var title = Get(fields, "title");
        if (title is null)
        {
            return SourceParseResult.Fail(fileName, "the front matter has no title");
        }

        var id = Get(fields, "id") ?? Path.GetFileNameWithoutExtension(fileName);
        if (!SourceIds.IsValid(id))
        {
            return SourceParseResult.Fail(fileName, $"id '{id}' is not a slug (lowercase letters, digits and dashes)");
        }

        var blocks = ReadBlocks(body);
        if (blocks.Count == 0)
        {
            return SourceParseResult.Fail(fileName, "the body has no text");
        }

        DateTimeOffset? addedAt = null;
        if (Get(fields, "added_at") is { } addedText)
        {
            if (!DateTimeOffset.TryParse(addedText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return SourceParseResult.Fail(fileName, $"added_at '{addedText}' is not a date and time");
            }

            addedAt = parsed;
        }

        var info = new SourceInfo(
            id,
            title,
            Get(fields, "author"),
            Get(fields, "publisher"),
            Get(fields, "url"),
            Get(fields, "published"),
            Get(fields, "language") ?? "en",
            Get(fields, "notes"),
            Get(fields, "added_by"),
            Get(fields, "community"),
            addedAt,
            isShipped);
        return new SourceParseResult(new SourceDocument(info, blocks, hash), null);
    }

    /// <summary>Writes a document in the corpus format; <see cref="Parse(ReadOnlySpan{byte}, string, bool)"/> reads it back.</summary>
    public static string Write(SourceInfo info, IReadOnlyList<SourceBlock> blocks)
    {
        var builder = new StringBuilder();
        builder.Append("---\n");
        Field("id", info.Id);
        Field("title", info.Title);
        Field("author", info.Author);
        Field("publisher", info.Publisher);
        Field("url", info.Url);
        Field("published", info.Published);
        Field("language", info.Language);
        Field("notes", info.Notes);
        Field("added_by", info.AddedBy);
        Field("community", info.CommunityId);
        Field("added_at", info.AddedAt?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        builder.Append("---\n");

        string? page = null;
        var first = true;
        foreach (var block in blocks)
        {
            if (!first)
            {
                builder.Append('\n');
            }

            first = false;
            if (block.Location.StartsWith("p. ", StringComparison.Ordinal) && block.Location != page)
            {
                page = block.Location;
                builder.Append("<!-- page ").Append(block.Location[3..]).Append(" -->\n\n");
            }

            builder.Append(block.Text).Append('\n');
        }

        return builder.ToString();

        void Field(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                // A JSON string literal is a valid YAML double-quoted scalar: safe for any text.
                builder.Append(name).Append(": ").Append(System.Text.Json.JsonSerializer.Serialize(value.Trim(), JsonDefaults.Compact)).Append('\n');
            }
        }
    }

    private static string? Get(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static List<SourceBlock> ReadBlocks(string body)
    {
        var blocks = new List<SourceBlock>();
        var paragraph = 0;
        string? page = null;
        foreach (var text in TextNormalizer.SplitParagraphs(body))
        {
            var marker = PageMarker().Match(text);
            if (marker.Success)
            {
                page = "p. " + marker.Groups[1].Value;
                continue;
            }

            paragraph++;
            blocks.Add(new SourceBlock(text, page ?? $"¶{paragraph.ToString(CultureInfo.InvariantCulture)}"));
        }

        return blocks;
    }

    [GeneratedRegex(@"^<!--\s*page\s+(\d{1,5})\s*-->$")]
    private static partial Regex PageMarker();
}

/// <summary>A parsed document, or the reason the file could not be read.</summary>
public sealed record SourceParseResult(SourceDocument? Document, CorpusError? Error)
{
    internal static SourceParseResult Fail(string fileName, string reason) => new(null, new CorpusError(fileName, reason));
}

/// <summary>A file that could not be loaded; the others still load.</summary>
public sealed record CorpusError(string FileName, string Reason)
{
    public override string ToString() => $"{FileName}: {Reason}";
}
