using HonchoBot.Core.Answers;

namespace HonchoBot.Discord.Tests.Fakes;

/// <summary>Realistic answers in the shape Core produces (docs/json-contract.md), built from the two founding sources.</summary>
public static class SampleAnswers
{
    public const string MilwaukeeTitle = "A Cold War Secret: Graves discovered of Russian pilots who flew MiG jets for North Korea during Korean War";
    public const string SanghaTitle = "Soviet Casualties During the Korean War (1950-1953)";
    public const string SanghaNotes = "A blog post written from an openly partisan pro-DPRK standpoint.";

    public static Citation Milwaukee(int n = 1) => new(
        n,
        "milwaukee-independent-mig-graves",
        MilwaukeeTitle,
        null,
        "Milwaukee Independent",
        null,
        "https://milwaukeeindependent.com/?p=209954",
        "¶20",
        "milwaukee-independent-mig-graves#19",
        "When the Korean Armistice Agreement was signed in 1953, the U.S. acknowledged 139 air-to-air losses, while Sabre pilots claimed 792 MiG-15s.",
        null,
        12.3);

    public static Citation Sangha(int n = 2) => new(
        n,
        "sangha-kommune-soviet-casualties",
        SanghaTitle,
        null,
        "The Sangha Kommune",
        "2017-01-20",
        "https://thesanghakommune.org/2017/01/20/soviet-casualties-during-the-korean-war-1950-1953/",
        "¶6",
        "sangha-kommune-soviet-casualties#5",
        "During that time, Soviet pilots shot-down 1097 enemy planes, and the Soviet Anti-Aircraft Artillery shot-down 212 enemy planes. The Soviet Airforce lost 335 planes and 120 pilots.",
        SanghaNotes,
        9.8);

    public static Disagreement LossesDisagreement() => new(
        DisagreementKind.DifferentMeasure,
        "communist aircraft lost",
        "kills claimed by U.S. pilots vs losses in Soviet records",
        [
            new DisagreementClaim(1, "Sabre pilots claimed 792 MiG-15s", "792"),
            new DisagreementClaim(2, "The Soviet Airforce lost 335 planes", "335"),
        ]);

    public static Answer WithDisagreement(string question) =>
        new(question, AnswerStatus.Answered, null, [Milwaukee(), Sangha()], [LossesDisagreement()], 3.1);

    public static Answer Fact(string question) =>
        new(question, AnswerStatus.Answered, null, [Milwaukee()], [], 1.2);

    public static Answer NoAnswer(string question) =>
        Answer.Without(question, AnswerStatus.NoAnswer, "I couldn't find anything about that in my sources. Try asking about MiG Alley, the honchos, or losses and claims.");
}
