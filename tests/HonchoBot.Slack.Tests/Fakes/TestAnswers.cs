using HonchoBot.Core.Answers;

namespace HonchoBot.Slack.Tests.Fakes;

/// <summary>Realistic answers, with the seeds' real sentences, a disagreement and hostile text.</summary>
public static class TestAnswers
{
    public const string MilwaukeeTitle = "A Cold War Secret: Graves discovered of Russian pilots who flew MiG jets for North Korea during Korean War";
    public const string SanghaTitle = "Soviet Casualties During the Korean War (1950-1953)";
    public const string SanghaNotes = "A blog post written from an openly partisan pro-DPRK standpoint.";

    public static Citation Milwaukee(int n = 1) => new(
        n, "milwaukee-independent-mig-graves", MilwaukeeTitle, null, "Milwaukee Independent", null,
        "https://milwaukeeindependent.com/?p=209954", "¶23", "milwaukee-independent-mig-graves#22",
        "When the Korean Armistice Agreement was signed in 1953, the U.S. acknowledged 139 air-to-air losses, while Sabre pilots claimed 792 MiG-15s.",
        null,
        12.3);

    public static Citation Sangha(int n = 2) => new(
        n, "sangha-kommune-soviet-casualties", SanghaTitle, null, "The Sangha Kommune", "2017-01-20",
        "https://thesanghakommune.org/2017/01/20/soviet-casualties-during-the-korean-war-1950-1953/", "¶6",
        "sangha-kommune-soviet-casualties#5", "The Soviet Airforce lost 335 planes and 120 pilots.",
        SanghaNotes, 10.1);

    public static Disagreement MigLosses() => new(
        DisagreementKind.DifferentMeasure, "communist aircraft lost", "kills claimed by U.S. pilots vs losses in Soviet records",
        [new DisagreementClaim(1, "Sabre pilots claimed 792 MiG-15s", "792"), new DisagreementClaim(2, "The Soviet Airforce lost 335 planes", "335")]);

    public static Answer MigClaims(string question) =>
        new(question, AnswerStatus.Answered, null, [Milwaukee(), Sangha()], [MigLosses()], 3.1);

    public static Answer Fact(string question) =>
        new(question, AnswerStatus.Answered, null, [Milwaukee()], [], 1.2);

    /// <summary>Corpus text that tries to ping everyone, mention a user and smuggle a link.</summary>
    public static Answer Hostile(string question) => new(question, AnswerStatus.Answered, null,
    [
        Milwaukee() with
        {
            Excerpt = "Attention <!channel> and <!here>: <@U0VICTIM> should <https://evil.example/phish|click here> & act > now.",
            Title = "Honchos <!everyone> | <https://evil.example|trusted>",
            Publisher = "<!subteam^S123>",
            Url = "https://milwaukeeindependent.com/?p=209954|<!channel>",
        },
    ], [], 2.0);

    /// <summary>Five 600-character excerpts and far more disagreement text than one message may hold.</summary>
    public static Answer VeryLong(string question)
    {
        var sentence = string.Concat(Enumerable.Repeat("The MiG-15 pilots of the 64th Fighter Aviation Corps flew from Antung & Mukden <daily>. ", 7))[..600];
        var citations = Enumerable.Range(1, 5).Select(n => Milwaukee(n) with { Excerpt = sentence, PassageId = $"milwaukee-independent-mig-graves#{n}" }).ToList();
        var claims = Enumerable.Range(1, 40).Select(i => new DisagreementClaim(1 + (i % 5), new string('x', 90) + " claimed " + i, i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var disagreements = Enumerable.Range(1, 60).Select(i => new Disagreement(DisagreementKind.Conflict, "topic " + i, new string('n', 200), claims)).ToList();
        return new Answer(question, AnswerStatus.Answered, null, citations, disagreements, 9.9);
    }
}
