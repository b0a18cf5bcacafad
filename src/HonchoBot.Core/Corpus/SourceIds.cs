using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HonchoBot.Core.Corpus;

/// <summary>Source ids are slugs; no user-supplied string ever becomes a path without passing <see cref="IsValid"/>.</summary>
public static partial class SourceIds
{
    /// <summary>Lowercase ASCII letters, digits and single dashes, 1–80 characters.</summary>
    public static bool IsValid(string id) => id.Length is > 0 and <= 80 && Slug().IsMatch(id);

    /// <summary>
    /// Makes a slug from a title: ASCII-folded, lowercase, dashes, at most <paramref name="maxLength"/> characters,
    /// cut between words (only a single word longer than that is cut inside).
    /// </summary>
    public static string FromTitle(string title, int maxLength = 60)
    {
        var decomposed = title.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(lower);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > maxLength)
        {
            var lastBreak = slug.LastIndexOf('-', maxLength);
            slug = (lastBreak > 0 ? slug[..lastBreak] : slug[..maxLength]).TrimEnd('-');
        }

        return slug.Length == 0 ? "source" : slug;
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
