using System.Text;
using HonchoBot.Core.Claims;

namespace HonchoBot.Core.Tests.Claims;

/// <summary>Corpus text and questions are untrusted: extraction and comparison never throw on them.</summary>
public sealed class ClaimRobustnessTests
{
    public static TheoryData<string> HostileTexts() =>
    [
        new string('9', 1_000_000),
        "1,2,3,4,5 1.2.3 ,,, ... --- ––– 12-- --12 1950–49 1953-1950",
        "hundred hundred hundred thousand thousand million million million million and and and",
        "AND OR NOT ((( *:* \"mig* [[[ ]]] 72,000 {{{",
        "朝鲜战争 MiG‐15 (( 792 )) Lее Mаtz “honchos” ‘aces’ \u0000 \uFFFF",
        string.Concat(Enumerable.Repeat("The Soviet air force lost 335 planes; ", 3000)),
        "insignia insignia their own their own based at based at 64th 64th Corps",
        "between and to - – at least at most about some over under",
        "the 99999999999999999999th regiment was the highest-scoring regiment, the 99999999999999999999th. His 99999999999999999999th victory came after he was shot down.",
        "Capt. Capt. Lt. Col. Jr. Sr. He he his him. On 99 Smarch 0000, 31 February 1951 and May 99, 1952 McConnell died. 8:1:1 to to one one to 1 :1",
        "“We lost “ “ ” ” they they our our of which of which 40+ +40 ++ of those those top top-scoring leading first first",
    ];

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void ExtractAndFind_HostileText_DoNotThrow(string text)
    {
        var claims = ClaimTestKit.Extractor.Extract(text);
        var json = ClaimJson.Serialize(claims);
        var evidence = new[]
        {
            new ClaimEvidence("a#0", "a", text, ClaimJson.Deserialize(json), 1),
            ClaimTestKit.Seed(ClaimTestKit.Sangha, 3),
        };

        foreach (var claim in claims)
        {
            Assert.InRange(claim.Start, 0, text.Length);
            Assert.InRange(claim.End, claim.Start, text.Length);
        }

        _ = ClaimTestKit.Finder.Find(text.Length > 2000 ? text[..2000] : text, evidence);
    }

    [Fact]
    public void Extract_RepeatedFigures_FindsEachOnce()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            text.Append("The Soviet air force lost 335 planes. ");
        }

        var claims = ClaimTestKit.Extractor.Extract(text.ToString());

        Assert.Equal(200, claims.Count);
        Assert.All(claims, c => Assert.Equal(("335", "losses", "ussr"), (c.Value, c.Measure, c.Side)));
    }
}
