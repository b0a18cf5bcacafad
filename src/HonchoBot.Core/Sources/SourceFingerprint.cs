using System.Security.Cryptography;
using System.Text;
using HonchoBot.Core.Corpus;

namespace HonchoBot.Core.Sources;

/// <summary>
/// What "the same source" means for duplicate checks: the same words in the same order (case,
/// punctuation, whitespace and Unicode compatibility forms ignored), or the same URL (scheme and host
/// case, default port, fragment and a trailing slash ignored).
/// </summary>
public static class SourceFingerprint
{
    /// <summary>A hash of the text's words, lowercased, after NFKC.</summary>
    public static string OfText(IEnumerable<SourceBlock> blocks)
    {
        var builder = new StringBuilder();
        foreach (var block in blocks)
        {
            var space = builder.Length > 0;
            foreach (var c in TextNormalizer.Normalize(block.Text))
            {
                if (char.IsLetterOrDigit(c))
                {
                    if (space)
                    {
                        builder.Append(' ');
                        space = false;
                    }

                    builder.Append(char.ToLowerInvariant(c));
                }
                else
                {
                    space = builder.Length > 0;
                }
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>The comparable form of a URL, or null when it is not an absolute http(s) URL.</summary>
    public static string? OfUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : string.Empty;
        var port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}{port}{path}{uri.Query}";
    }
}
