using HonchoBot.Core.Sources;
using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Ingestion;

/// <summary>
/// Bytes of a known format to blocks and metadata: txt (encoding detected), md (front matter optional),
/// html (main article text), pdf (page locations). Every refusal is a message, never an exception.
/// </summary>
public sealed class SourceExtractor(IOptions<SourceOptions> options)
{
    /// <summary>Extracts a document; <paramref name="charset"/> is the HTTP-declared charset, if any.</summary>
    public ExtractionResult Extract(ReadOnlyMemory<byte> bytes, ContentKind kind, string? charset = null)
    {
        var max = options.Value.MaxBytes;
        if (bytes.Length > max)
        {
            return ExtractionResult.TooLarge($"the file is {bytes.Length:N0} bytes; the limit is {max:N0}");
        }

        if (bytes.IsEmpty)
        {
            return ExtractionResult.Fail("the file is empty");
        }

        var result = kind switch
        {
            ContentKind.Pdf => PdfExtractor.Extract(bytes, max),
            ContentKind.Html => HtmlExtractor.Extract(TextDecoder.Decode(bytes.Span, charset, lookForHtmlMeta: true)),
            ContentKind.Markdown => TextOnly(bytes, charset, MarkdownExtractor.Extract),
            _ => TextOnly(bytes, charset, text => new ExtractionResult(new ExtractedSource(Blocks.FromPlainText(text)), null)),
        };

        if (result.Source is { Blocks.Count: 0 })
        {
            var what = kind switch
            {
                ContentKind.Pdf => "the PDF has no extractable text (a scan without a text layer?)",
                ContentKind.Html => "the page has no article text",
                _ => "the text is empty",
            };
            return ExtractionResult.Fail(what);
        }

        return result;
    }

    /// <summary>Pasted text: plain text, no decoding needed.</summary>
    public ExtractionResult ExtractText(string text)
    {
        var max = options.Value.MaxBytes;
        if (System.Text.Encoding.UTF8.GetByteCount(text) > max)
        {
            return ExtractionResult.TooLarge($"the text is longer than the {max:N0}-byte limit");
        }

        var blocks = Blocks.FromPlainText(text);
        return blocks.Count == 0 ? ExtractionResult.Fail("the text is empty") : new ExtractionResult(new ExtractedSource(blocks), null);
    }

    private static ExtractionResult TextOnly(ReadOnlyMemory<byte> bytes, string? charset, Func<string, ExtractionResult> extract)
    {
        var text = TextDecoder.Decode(bytes.Span, charset);
        if (LooksBinary(text))
        {
            return ExtractionResult.Fail("the file is not text (it holds binary data)");
        }

        return extract(text);
    }

    /// <summary>More than 1 % NULs or other C0 controls: binary data in a text costume.</summary>
    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 8192));
        var controls = 0;
        foreach (var c in sample)
        {
            if (c < ' ' && c is not '\n' and not '\r' and not '\t' and not '\f')
            {
                controls++;
            }
        }

        return sample.Length > 0 && controls * 100 > sample.Length;
    }
}
