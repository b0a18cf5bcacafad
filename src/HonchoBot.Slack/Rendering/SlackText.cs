using System.Text;

namespace HonchoBot.Slack.Rendering;

/// <summary>
/// mrkdwn escaping (docs/platform-protocols.md): only <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> are replaced,
/// <c>&amp;</c> first, so corpus or user text can never become a mention (<c>&lt;!channel&gt;</c>) or a link.
/// </summary>
public static class SlackText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    /// <summary>Reverses Slack's escaping of inbound message text (it arrives with &amp;amp; &amp;lt; &amp;gt;).</summary>
    public static string Unescape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return text.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
    }

    /// <summary>
    /// A <c>&lt;url|label&gt;</c> link when the URL is plain http(s); otherwise the escaped label alone, so a
    /// source's metadata cannot smuggle in control syntax.
    /// </summary>
    public static string Link(string? url, string label)
    {
        var safeLabel = Escape(label).Replace("|", "¦", StringComparison.Ordinal);
        if (string.IsNullOrWhiteSpace(url)
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return safeLabel;
        }

        var safeUrl = Escape(uri.AbsoluteUri)
            .Replace("|", "%7C", StringComparison.Ordinal)
            .Replace(" ", "%20", StringComparison.Ordinal);
        return $"<{safeUrl}|{safeLabel}>";
    }

    /// <summary>
    /// Cuts already-escaped mrkdwn to at most <paramref name="max"/> characters at a word boundary with "…",
    /// never inside an <c>&amp;…;</c> entity.
    /// </summary>
    public static string Fit(string mrkdwn, int max)
    {
        if (mrkdwn.Length <= max)
        {
            return mrkdwn;
        }

        var cut = max - 1;
        var space = mrkdwn.LastIndexOfAny([' ', '\n'], cut - 1, Math.Min(cut, 200));
        if (space > 0)
        {
            cut = space;
        }

        var amp = mrkdwn.LastIndexOf('&', cut - 1, Math.Min(cut, 6));
        if (amp >= 0 && mrkdwn.IndexOf(';', amp) is var semi && (semi < 0 || semi >= cut))
        {
            cut = amp;
        }

        return new StringBuilder(cut + 1).Append(mrkdwn, 0, cut).Append('…').ToString();
    }
}
