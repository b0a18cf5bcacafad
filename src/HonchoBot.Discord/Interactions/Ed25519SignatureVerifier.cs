using System.Text;
using NSec.Cryptography;

namespace HonchoBot.Discord.Interactions;

/// <summary>
/// Verifies <c>X-Signature-Ed25519</c> over <c>timestamp + raw body</c> with the application's public key
/// (docs/platform-protocols.md). Malformed hex or wrong lengths are simply invalid.
/// </summary>
public sealed class Ed25519SignatureVerifier
{
    private readonly PublicKey? _key;

    public Ed25519SignatureVerifier(string? publicKeyHex)
    {
        if (string.IsNullOrWhiteSpace(publicKeyHex) || !TryFromHex(publicKeyHex.Trim(), 32, out var keyBytes))
        {
            return;
        }

        _ = PublicKey.TryImport(SignatureAlgorithm.Ed25519, keyBytes, KeyBlobFormat.RawPublicKey, out _key);
    }

    /// <summary>False when no valid key is configured.</summary>
    public bool HasKey => _key is not null;

    /// <summary>Discord's check: the signature over <c>timestamp + body</c>; a missing timestamp is invalid.</summary>
    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp))
        {
            return false;
        }

        var timestampBytes = Encoding.UTF8.GetBytes(timestamp);
        var message = new byte[timestampBytes.Length + body.Length];
        timestampBytes.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(timestampBytes.Length));
        return VerifyMessage(signatureHex, message);
    }

    /// <summary>Plain Ed25519 verification of <paramref name="message"/> (the RFC 8032 vectors test this directly).</summary>
    public bool VerifyMessage(string? signatureHex, ReadOnlySpan<byte> message) =>
        _key is not null && signatureHex is not null && TryFromHex(signatureHex, 64, out var signature)
        && SignatureAlgorithm.Ed25519.Verify(_key, message, signature);

    private static bool TryFromHex(string hex, int length, out byte[] bytes)
    {
        bytes = [];
        if (hex.Length != length * 2 || !hex.All(Uri.IsHexDigit))
        {
            return false;
        }

        bytes = Convert.FromHexString(hex);
        return true;
    }
}
