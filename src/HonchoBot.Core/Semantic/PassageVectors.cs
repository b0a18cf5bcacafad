using System.Security.Cryptography;
using System.Text;

namespace HonchoBot.Core.Semantic;

/// <summary>
/// The vectors of one passage: the whole passage (to find it) and each of its sentences, in the order
/// <see cref="Corpus.Passage.Sentences"/> gives them (to choose the excerpt).
/// </summary>
public sealed record PassageVectors(QuantizedVector Passage, IReadOnlyList<QuantizedVector> Sentences);

/// <summary>
/// Vectors are keyed by the passage text, not by its id: a rebuild, a restart or a source removed and
/// added again finds the text it has already embedded.
/// </summary>
public static class PassageVectorKey
{
    /// <summary>The first 128 bits of SHA-256 over the passage text in UTF-8.</summary>
    public static UInt128 Of(string passageText)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(passageText), hash);
        return new UInt128(BitConverter.ToUInt64(hash[..8]), BitConverter.ToUInt64(hash[8..16]));
    }

    /// <summary>The key as 32 hexadecimal digits (how the index stores it).</summary>
    public static string ToHex(UInt128 key) => key.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParseHex(string? hex, out UInt128 key) =>
        UInt128.TryParse(hex, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out key);
}
