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

        // Most text needs no cleaning: the builder is made at the first character that changes, so such text is
        // returned as it is rather than copied.
        StringBuilder? builder = null;
        for (var i = 0; i < nfkc.Length; i++)
        {
            var c = nfkc[i];

            // Zero-width and bidi marks are format characters, not controls: they stay, the analyzer ignores them.
            if (c is '\n' or '\t' || (c is not ('\r' or '\u00A0') && !char.IsControl(c)))
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(nfkc.Length).Append(nfkc, 0, i);
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
        }

        return builder?.ToString() ?? nfkc;
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
        var joined = new StringBuilder();
        var lines = 0;
        var first = Range.All;
        var at = 0;
        while (at <= normalized.Length)
        {
            var end = normalized.IndexOf('\n', at);
            if (end < 0)
            {
                end = normalized.Length;
            }

            var line = Trimmed(normalized, at, end);
            if (line.Start.Value == line.End.Value)
            {
                Flush();
            }
            else
            {
                // Most paragraphs are one line: that line becomes the paragraph without passing through the builder.
                if (lines == 1)
                {
                    joined.Append(normalized.AsSpan(first));
                }

                if (lines >= 1)
                {
                    joined.Append(' ').Append(normalized.AsSpan(line));
                }
                else
                {
                    first = line;
                }

                lines++;
            }

            at = end + 1;
        }

        Flush();
        return paragraphs;

        void Flush()
        {
            if (lines == 1)
            {
                paragraphs.Add(normalized[first]);
            }
            else if (lines > 1)
            {
                paragraphs.Add(joined.ToString());
                joined.Clear();
            }

            lines = 0;
        }
    }

    /// <summary>The line from <paramref name="start"/> to <paramref name="end"/> without surrounding white space.</summary>
    private static Range Trimmed(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return start..end;
    }
}
