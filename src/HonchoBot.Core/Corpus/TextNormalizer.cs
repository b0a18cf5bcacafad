using System.Text;

namespace HonchoBot.Core.Corpus;

/// <summary>
/// One normalisation for stored text and questions: NFKC (full-width forms, ligatures), unified line
/// ends, no control characters. Stored text is normalised once, so excerpts and offsets agree
/// (docs/index-design.md, "One analysis chain").
/// </summary>
public static class TextNormalizer
{
    /// <summary>
    /// NFKC, LF line ends, control characters other than newline and tab removed. A lone surrogate (which JSON's
    /// <c>\ud800</c> escape can carry) becomes U+FFFD, as .NET will not normalise ill-formed UTF-16.
    /// </summary>
    public static string Normalize(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        string nfkc;
        try
        {
            nfkc = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            nfkc = WithoutLoneSurrogates(text).Normalize(NormalizationForm.FormKC);
        }

        var builder = new StringBuilder(nfkc.Length);
        for (var i = 0; i < nfkc.Length; i++)
        {
            var c = nfkc[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < nfkc.Length && nfkc[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c == '\u00A0')
            {
                builder.Append(' ');
            }
            else if (c is '\n' or '\t' || !char.IsControl(c))
            {
                // Zero-width and bidi marks are format characters, not controls: they stay, the analyzer ignores them.
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string WithoutLoneSurrogates(string text) => string.Create(text.Length, text, (chars, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var paired = char.IsHighSurrogate(source[i]) ? i + 1 < source.Length && char.IsLowSurrogate(source[i + 1])
                : char.IsLowSurrogate(source[i]) ? i > 0 && char.IsHighSurrogate(source[i - 1])
                : true;
            chars[i] = paired ? source[i] : '\uFFFD';
        }
    });

    /// <summary>Splits normalised text into paragraphs at blank lines; lines inside a paragraph are joined with a space.</summary>
    public static IReadOnlyList<string> SplitParagraphs(string normalized)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var rawLine in normalized.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(line);
        }

        Flush();
        return paragraphs;

        void Flush()
        {
            if (current.Length > 0)
            {
                paragraphs.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
