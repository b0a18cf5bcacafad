using System.Text;
using HonchoBot.Slack.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HonchoBot.Slack.Tests.Http;

/// <summary>Slack's own documented signing example (docs/platform-protocols.md), with the clock pinned to its timestamp.</summary>
public sealed class SlackSignatureVerifierTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static (SlackSignatureVerifier Verifier, FakeTimeProvider Time) Create(string? secret = Secret, int clockOffsetSeconds = 0)
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618 + clockOffsetSeconds));
        return (new SlackSignatureVerifier(Options.Create(new SlackOptions { SigningSecret = secret }), time), time);
    }

    [Fact]
    public void Verify_SlackDocumentedExample_IsValid()
    {
        var (verifier, _) = Create();
        Assert.Equal(SignatureCheck.Valid, verifier.Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_ChangedBody_IsRejected()
    {
        var (verifier, _) = Create();
        var changed = Body.Replace("user_id=U2CERLKJA", "user_id=U2CERLKJB", StringComparison.Ordinal);
        Assert.Equal(SignatureCheck.BadSignature, verifier.Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(changed)));
    }

    [Fact]
    public void Verify_ChangedTimestamp_IsRejected()
    {
        var (verifier, _) = Create();
        Assert.Equal(SignatureCheck.BadSignature, verifier.Verify("1531420619", Signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    [InlineData(86_400)]
    public void Verify_TimestampMoreThanFiveMinutesOff_IsRejectedEvenWithAValidSignature(int offsetSeconds)
    {
        var (verifier, _) = Create(clockOffsetSeconds: offsetSeconds);
        Assert.Equal(SignatureCheck.StaleTimestamp, verifier.Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_JustInsideTheWindow_IsValid()
    {
        var (verifier, time) = Create();
        time.Advance(TimeSpan.FromSeconds(300));
        Assert.Equal(SignatureCheck.Valid, verifier.Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData(null, Signature)]
    [InlineData(Timestamp, null)]
    [InlineData("", "")]
    public void Verify_MissingHeaders_IsRejected(string? timestamp, string? signature)
    {
        var (verifier, _) = Create();
        Assert.Equal(SignatureCheck.MissingHeaders, verifier.Verify(timestamp, signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData("v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50")]
    public void Verify_AlteredSignature_IsRejected(string signature)
    {
        var (verifier, _) = Create();
        Assert.Equal(SignatureCheck.BadSignature, verifier.Verify(Timestamp, signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_NonNumericTimestamp_IsRejected()
    {
        var (verifier, _) = Create();
        Assert.Equal(SignatureCheck.StaleTimestamp, verifier.Verify("15314x0618", Signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_WithoutASigningSecret_RejectsEverything()
    {
        var (verifier, _) = Create(secret: null);
        Assert.Equal(SignatureCheck.NotConfigured, verifier.Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));
    }
}
