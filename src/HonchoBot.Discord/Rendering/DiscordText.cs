using System.Text;

namespace HonchoBot.Discord.Rendering;

/// <summary>
/// Escaping and truncation for text shown on Discord. Corpus and question text are untrusted: markdown
/// is escaped so a quote renders as written, and mention syntax is broken visually as well as being
/// blocked by <c>allowed_mentions</c> (defence in depth).
/// </summary>
public static class DiscordText
{
    private const char ZeroWidthSpace = '\u200b';

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        var atLineStart = true;
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']':
                    sb.Append('\\').Append(c);
                    break;
                case '>' or '#' or '-' when atLineStart:
                    sb.Append('\\').Append(c);
                    break;
                case '@':
                    sb.Append('@').Append(ZeroWidthSpace);
                    break;
                case '<':
                    sb.Append('<').Append(ZeroWidthSpace);
                    break;
                default:
                    sb.Append(c);
                    break;
            }

            atLineStart = c == '\n' || (atLineStart && c == ' ');
        }

        return sb.ToString();
    }

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="max"/> characters, at the last sentence end
    /// if one falls in the second half, else at the last word boundary, and marks the cut with "…".
    /// </summary>
    public static string Truncate(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max)
        {
            return text;
        }

        if (max <= 1)
        {
            return max == 1 ? "…" : string.Empty;
        }

        var room = max - 1; // for the ellipsis
        var window = text[..room];
        var sentenceEnd = LastSentenceEnd(window);
        if (sentenceEnd >= room / 2)
        {
            // Whole sentences: the ellipsis stands alone to mark what was left out.
            var sentences = window[..(sentenceEnd + 1)];
            return sentences.Length + 2 <= max ? sentences + " …" : sentences;
        }

        var space = window.LastIndexOfAny([' ', '\n', '\t']);
        var cut = space >= room / 2 ? window[..space] : window;

        // Never leave half of a surrogate pair or a dangling backslash escape at the cut.
        cut = cut.TrimEnd();
        if (cut.Length > 0 && char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        if (cut.EndsWith('\\') && (cut.Length < 2 || cut[^2] != '\\'))
        {
            cut = cut[..^1];
        }

        return cut + "…";
    }

    private static int LastSentenceEnd(string window)
    {
        for (var i = window.Length - 1; i > 0; i--)
        {
            if (window[i] is '.' or '!' or '?' && (i + 1 == window.Length || char.IsWhiteSpace(window[i + 1])))
            {
                return i;
            }
        }

        return -1;
    }
}
