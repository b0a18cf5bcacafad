using System.Text;
using HonchoBot.Discord.Interactions;

namespace HonchoBot.Discord.Tests.Interactions;

/// <summary>RFC 8032 §7.1 TEST 1–3 and the Discord-shaped vector (docs/platform-protocols.md), copied here as fixtures.</summary>
public sealed class Ed25519SignatureVerifierTests
{
    public static TheoryData<string, string, string> Rfc8032Vectors => new()
    {
        {
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", string.Empty,
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        },
        {
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        },
        {
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
        },
    };

    private const string DiscordVectorSignature =
        "1695961a47c91a1ec033b819b7e87e3dbc583dd0cee6d1fd0216f58ac87b6228ae531ddbf91fb7bc28d7edf7f08604da16f54624f38a6bc0614e4dc13cd47f0f";

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void VerifyMessage_Rfc8032Vector_IsValid(string publicKey, string messageHex, string signature)
    {
        var verifier = new Ed25519SignatureVerifier(publicKey);
        Assert.True(verifier.VerifyMessage(signature, Convert.FromHexString(messageHex)));
    }

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void VerifyMessage_Rfc8032VectorWithFlippedSignatureBit_IsInvalid(string publicKey, string messageHex, string signature)
    {
        var verifier = new Ed25519SignatureVerifier(publicKey);
        var flipped = Convert.FromHexString(signature);
        flipped[0] ^= 1;
        Assert.False(verifier.VerifyMessage(Convert.ToHexStringLower(flipped), Convert.FromHexString(messageHex)));
    }

    [Fact]
    public void Verify_DiscordShapedVector_IsValid()
    {
        var verifier = new Ed25519SignatureVerifier("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        Assert.True(verifier.Verify(DiscordVectorSignature, "1700000000", """{"type":1}"""u8));
    }

    [Theory]
    [InlineData("1700000001", """{"type":1}""", DiscordVectorSignature)] // one timestamp digit
    [InlineData("1700000000", """{"type":2}""", DiscordVectorSignature)] // one body byte
    [InlineData("1700000000", """{"type":1}""", "2695961a47c91a1ec033b819b7e87e3dbc583dd0cee6d1fd0216f58ac87b6228ae531ddbf91fb7bc28d7edf7f08604da16f54624f38a6bc0614e4dc13cd47f0f")] // one nibble
    [InlineData("1700000000", """{"type":1}""", "not-hex")]
    [InlineData("1700000000", """{"type":1}""", "1695961a")] // wrong length
    [InlineData("", """{"type":1}""", DiscordVectorSignature)]
    public void Verify_TamperedOrMalformed_IsInvalid(string timestamp, string body, string signature)
    {
        var verifier = new Ed25519SignatureVerifier("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        Assert.False(verifier.Verify(signature, timestamp, Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("zz5a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")]
    [InlineData("d75a98")]
    public void Verify_WithoutAValidKey_IsInvalid(string? key)
    {
        var verifier = new Ed25519SignatureVerifier(key);
        Assert.False(verifier.HasKey);
        Assert.False(verifier.Verify(DiscordVectorSignature, "1700000000", """{"type":1}"""u8));
    }
}
