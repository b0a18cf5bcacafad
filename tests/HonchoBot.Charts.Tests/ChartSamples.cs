using HonchoBot.Core.Answers;

namespace HonchoBot.Charts.Tests;

/// <summary>The shipped corpus's disputed figure (claimed MiG-15 kills against recorded Soviet losses) and variants of it.</summary>
internal static class ChartSamples
{
    public static readonly IReadOnlyList<Citation> Citations =
    [
        Cite(1, "sangha-kommune-soviet-casualties", "Soviet Casualties During the Korean War (1950-1953)"),
        Cite(2, "milwaukee-independent-mig-graves", "A Cold War Secret: Graves discovered of Russian pilots who flew MiG jets for North Korea during Korean War"),
        Cite(3, "third-source", "A Third Source"),
    ];

    public static Disagreement Numeric(string first = "335", string second = "792") => new(
        DisagreementKind.DifferentMeasure,
        "communist aircraft lost",
        "losses recorded for Soviet forces vs kills claimed by U.S. forces",
        [
            new DisagreementClaim(1, "The Soviet Airforce lost 335 planes and 120 pilots", first),
            new DisagreementClaim(2, "Sabre pilots claimed 792 MiG-15s", second),
        ]);

    public static Disagreement Attribute() => new(
        DisagreementKind.Conflict,
        "markings on the MiGs",
        "one source names the markings the pilots flew under, the other the air force that owned them",
        [
            new DisagreementClaim(1, "flew in North Korean markings", "North Korean"),
            new DisagreementClaim(2, "flew in Chinese markings", "Chinese"),
        ]);

    private static Citation Cite(int n, string sourceId, string title) =>
        new(n, sourceId, title, null, null, null, null, "¶1", $"{sourceId}#1", "…", null, 1.0);
}
