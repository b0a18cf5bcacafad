using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HonchoBot.Core.Corpus;

namespace HonchoBot.Core.Ingestion;

/// <summary>
/// Turns extracted paragraphs into corpus blocks: normalised (<see cref="TextNormalizer"/>), whitespace
/// collapsed to one line each (a block is one Markdown paragraph in the stored file), empty ones
/// dropped, and nothing that the corpus reader would take for a page marker.
/// </summary>
internal static partial class Blocks
{
    public static List<SourceBlock> FromParagraphs(IEnumerable<string> paragraphs, string? page = null)
    {
        var blocks = new List<SourceBlock>();
        foreach (var paragraph in paragraphs)
        {
            var text = OneLine(paragraph);
            if (text.Length == 0 || PageMarkerLike().IsMatch(text))
            {
                continue;
            }

            var location = page ?? "¶" + (blocks.Count + 1).ToString(CultureInfo.InvariantCulture);
            blocks.Add(new SourceBlock(text, location));
        }

        return blocks;
    }

    /// <summary>Paragraphs of plain text: blank lines separate them.</summary>
    public static List<SourceBlock> FromPlainText(string text, string? page = null) =>
        FromParagraphs(TextNormalizer.SplitParagraphs(TextNormalizer.Normalize(text)), page);

    public static string OneLine(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var builder = new StringBuilder(normalized.Length);
        var space = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A short title from the first block: its first sentence, cut at a word boundary.</summary>
    public static string? TitleFrom(IReadOnlyList<SourceBlock> blocks, int maxLength = 100)
    {
        if (blocks.Count == 0)
        {
            return null;
        }

        var text = blocks[0].Text;
        var sentences = SentenceSplitter.Split(text);
        if (sentences.Count > 0)
        {
            text = text.Substring(sentences[0].Start, sentences[0].Length);
        }

        if (text.Length <= maxLength)
        {
            return text.TrimEnd('.', ' ');
        }

        var cut = text.LastIndexOf(' ', maxLength);
        return string.Concat(text.AsSpan(0, cut > maxLength / 2 ? cut : maxLength), "…");
    }

    [GeneratedRegex(@"^<!--.*-->$")]
    private static partial Regex PageMarkerLike();
}
