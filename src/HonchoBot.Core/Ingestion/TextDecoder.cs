using System.Text;
using System.Text.RegularExpressions;

namespace HonchoBot.Core.Ingestion;

/// <summary>
/// Bytes to text: a byte-order mark wins (UTF-8, UTF-16 LE/BE, UTF-32 LE), then a declared charset
/// (HTTP header or HTML meta), then strict UTF-8, and finally Windows-1252 — the usual encoding of
/// "Latin-1" files, which also decodes every byte, so no text is ever lost to a decoder error.
/// </summary>
public static partial class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // An explicit static constructor makes the type initialise before any member runs (no beforefieldinit),
    // so the code pages provider is registered before a declared charset such as windows-1251 is looked up.
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Windows-1252 (from the code pages provider).</summary>
    public static Encoding Windows1252 { get; } = GetWindows1252();

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="declaredCharset"/> may be null or unknown.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null, bool lookForHtmlMeta = false)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return new UTF32Encoding(bigEndian: false, byteOrderMark: true).GetString(bytes[4..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        var charset = declaredCharset;
        if (charset is null && lookForHtmlMeta)
        {
            var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 2048)]);
            var meta = MetaCharset().Match(head);
            charset = meta.Success ? meta.Groups[1].Value : null;
        }

        if (charset is not null && TryGetEncoding(charset, out var declared) && declared.CodePage != Encoding.UTF8.CodePage)
        {
            return declared.GetString(bytes);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252.GetString(bytes);
        }
    }

    private static bool TryGetEncoding(string name, out Encoding encoding)
    {
        try
        {
            encoding = Encoding.GetEncoding(name.Trim().Trim('"', '\''));

            // ISO-8859-1 labels mean Windows-1252 in practice (the WHATWG Encoding Standard maps them so).
            if (encoding.CodePage == 28591 || encoding.CodePage == 20127)
            {
                encoding = Windows1252;
            }

            return true;
        }
        catch (ArgumentException)
        {
            encoding = Encoding.UTF8;
            return false;
        }
    }

    private static Encoding GetWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
