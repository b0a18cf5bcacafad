using System.Globalization;
using System.Text;

namespace HonchoBot.Embeddings;

/// <summary>
/// Text as the model's tokenizer expects it. That tokenizer splits words on spaces only (a newline or a
/// tab glues two words into one unknown token), lowercases without removing accents, and knows straight
/// quotes and hyphens but not their typographic forms. So: one space between words, accents removed,
/// quotes and dashes made plain.
/// </summary>
internal static class ModelText
{
    /// <summary>Part of the model id: a change here re-embeds the library.</summary>
    public const string Version = "t1";

    /// <summary>Longer texts are cut: the model reads at most 512 word pieces anyway.</summary>
    private const int MaxCharacters = 4000;

    public static string Prepare(string text)
    {
        var decomposed = text.Length > MaxCharacters ? text[..MaxCharacters] : text;
        decomposed = decomposed.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u2033' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                _ => c,
            });
        }

        return builder.ToString();
    }
}
