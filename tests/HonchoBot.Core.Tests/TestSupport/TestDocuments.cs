using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace HonchoBot.Core.Tests.TestSupport;

/// <summary>Small documents written for these tests (no external fixtures).</summary>
internal static class TestDocuments
{
    /// <summary>A source about something no shipped source mentions, so answers can only come from it.</summary>
    public const string Lighthouse =
        "The Skerryvore lighthouse keeper Marguerite Oyelaran kept a weather log for thirty-seven years. " +
        "Between 1921 and 1958 she recorded 412 severe storms on the island, more than any other keeper on that coast.\n\n" +
        "Oyelaran wrote each entry by lamplight in a green ledger. The ledger survives in the harbour museum, " +
        "where visitors can read her notes about wind speed, wave height and the ships she warned away from the rocks.\n\n" +
        "After her retirement the lighthouse was automated in 1961, and no keeper has lived on the island since then.";

    public const string LighthouseQuestion = "How many severe storms did Marguerite Oyelaran record?";

    /// <summary>Paragraphs on distinct topics, for concurrent adds.</summary>
    public static string Topic(int n) =>
        $"Orchard report number {n}: the grower Ilse Varnhagen-{n} planted {100 + n} quince trees on terrace {n}. " +
        $"Each tree on terrace {n} yielded about {20 + n} kilograms of fruit in its fifth year, according to the cooperative ledger {n}.";

    /// <summary>A PDF with one page per entry of <paramref name="pages"/>, each page a list of paragraphs.</summary>
    public static byte[] Pdf(IReadOnlyList<string[]> pages, string? title = null, string? author = null)
    {
        var builder = new PdfDocumentBuilder();
        if (title is not null)
        {
            builder.DocumentInformation.Title = title;
        }

        if (author is not null)
        {
            builder.DocumentInformation.Author = author;
        }

        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var paragraphs in pages)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            var y = 800.0;
            foreach (var paragraph in paragraphs)
            {
                foreach (var line in Wrap(paragraph, 90))
                {
                    page.AddText(line, 10, new PdfPoint(40, y), font);
                    y -= 13;
                }

                y -= 16;
            }
        }

        return builder.Build();
    }

    /// <summary>A hand-written PDF whose trailer names a Standard security handler we have no password for.</summary>
    public static byte[] EncryptedPdf() => HandWrittenPdf(encrypted: true);

    /// <summary>The same hand-written PDF without encryption (proves the refusal is about encryption).</summary>
    public static byte[] PlainHandWrittenPdf() => HandWrittenPdf(encrypted: false);

    private static byte[] HandWrittenPdf(bool encrypted)
    {
        const string content = "BT /F1 12 Tf 72 720 Td (The vault ledger lists forty seven crates of tea.) Tj ET";
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        if (encrypted)
        {
            var o = new string('A', 64);
            var u = new string('B', 64);
            objects.Add($"<< /Filter /Standard /V 1 /R 2 /Length 40 /O <{o}> /U <{u}> /P -44 >>");
        }

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append("xref\n0 ").Append(objects.Count + 1).Append('\n').Append("0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        pdf.Append("trailer\n<< /Size ").Append(objects.Count + 1).Append(" /Root 1 0 R");
        if (encrypted)
        {
            pdf.Append(" /Encrypt 6 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]");
        }

        pdf.Append(" >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
