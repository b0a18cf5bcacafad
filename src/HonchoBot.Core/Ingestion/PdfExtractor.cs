using System.Globalization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace HonchoBot.Core.Ingestion;

/// <summary>
/// PDF text with PdfPig, page by page, so every block carries its page (<c>p. N</c>) as its location;
/// the corpus file keeps pages as <c>&lt;!-- page N --&gt;</c> markers. Encrypted PDFs are refused (even
/// with an empty user password: their owner asked for restrictions); broken ones are refused with a
/// message, never an exception.
/// </summary>
internal static class PdfExtractor
{
    /// <summary>More pages than any book we expect; bounds the work a small, highly compressed PDF can cause.</summary>
    public const int MaxPages = 5000;

    public static ExtractionResult Extract(ReadOnlyMemory<byte> bytes, long maxChars)
    {
        if (!bytes.Span.StartsWith("%PDF-"u8) && bytes.Span[..Math.Min(bytes.Length, 1024)].IndexOf("%PDF-"u8) < 0)
        {
            return ExtractionResult.Fail("the file is not a PDF (no %PDF header)");
        }

        try
        {
            using var document = PdfDocument.Open(bytes.ToArray(), new ParsingOptions { SkipMissingFonts = true });
            if (document.IsEncrypted)
            {
                return ExtractionResult.Fail("the PDF is encrypted; add an unencrypted copy");
            }

            if (document.NumberOfPages > MaxPages)
            {
                return ExtractionResult.TooLarge($"the PDF has {document.NumberOfPages:N0} pages; the limit is {MaxPages:N0}");
            }

            var blocks = new List<HonchoBot.Core.Corpus.SourceBlock>();
            long chars = 0;
            var options = new ContentOrderTextExtractor.Options { SeparateParagraphsWithDoubleNewline = true, ReplaceWhitespaceWithSpace = true };
            foreach (var page in document.GetPages())
            {
                var text = ContentOrderTextExtractor.GetText(page, options);
                chars += text.Length;
                if (chars > maxChars)
                {
                    return ExtractionResult.TooLarge($"the PDF's text is longer than the {maxChars:N0}-character limit");
                }

                blocks.AddRange(Blocks.FromPlainText(text, "p. " + page.Number.ToString(CultureInfo.InvariantCulture)));
            }

            var info = document.Information;
            return new ExtractionResult(new ExtractedSource(blocks, Clean(info.Title), Clean(info.Author)), null);
        }
        catch (PdfDocumentEncryptedException)
        {
            return ExtractionResult.Fail("the PDF is encrypted; add an unencrypted copy");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // PdfPig signals damaged files with many exception types (format, font, stack depth, casts…): all mean "cannot read this PDF".
            return ExtractionResult.Fail("the PDF is damaged or not readable");
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : Blocks.OneLine(value);
}
