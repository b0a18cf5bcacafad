using HonchoBot.Core.Answers;
using HonchoBot.Core.Sources;
using HonchoBot.Core.Tests.TestSupport;

namespace HonchoBot.Core.Tests.Sources;

/// <summary>
/// A moderator adds a source that contradicts an existing one; the next answer flags it, with no code
/// change — the whole path: registry, claim extraction at index time, comparison at answer time.
/// </summary>
public sealed class ContradictingSourceTests
{
    private const string LossQuestion = "How many planes did the Soviet air force lose in Korea?";

    [Fact]
    public async Task Adding_a_source_with_a_different_loss_figure_makes_the_next_answer_flag_a_conflict()
    {
        using var harness = RegistryHarness.Create();
        var before = await harness.Answerer.AnswerAsync(Question.FromCli(LossQuestion), CancellationToken.None);
        Assert.DoesNotContain(before.Disagreements, d => d.Kind == DisagreementKind.Conflict);

        var added = await harness.Registry.AddAsync(
            new SourceAddRequest(
                new SourceInput.FromText("Declassified Soviet records studied in the 1990s show that the Soviet air force lost 319 aircraft in the Korean War, a lower figure than earlier estimates."),
                new SourceMetadata(Title: "Recount of Soviet air losses", Publisher: "Test Review")),
            Requester.Cli("tester"),
            CancellationToken.None);
        Assert.True(added.IsDone, added.Message);

        var after = await harness.Answerer.AnswerAsync(Question.FromCli(LossQuestion), CancellationToken.None);

        var conflict = Assert.Single(after.Disagreements, d => d.Kind == DisagreementKind.Conflict);
        Assert.Equal(["319", "335"], conflict.Claims.Select(c => c.Value).Order(StringComparer.Ordinal));
        var cited = conflict.Claims.Select(c => after.Citations.Single(x => x.N == c.Citation).SourceId).ToHashSet();
        Assert.Equal(2, cited.Count);
        Assert.Contains(added.Source!.Id, cited);
    }

    [Fact]
    public async Task The_other_side_is_found_even_when_it_is_worded_unlike_the_question()
    {
        // "the U.S. acknowledged 139 air-to-air losses" shares few words with the question; it is found because
        // it carries a claim about the same thing, not because it matches the question's wording.
        using var harness = RegistryHarness.Create();
        var added = await harness.Registry.AddAsync(
            new SourceAddRequest(
                new SourceInput.FromText("American losses to MiGs were far lower than the Soviet claims: the United States admitted the loss of 147 aircraft in air combat over the whole war."),
                new SourceMetadata(Title: "Losses in the air war", Publisher: "Test Encyclopedia")),
            Requester.Cli("tester"),
            CancellationToken.None);
        Assert.True(added.IsDone, added.Message);

        var answer = await harness.Answerer.AnswerAsync(Question.FromCli("How many aircraft did the United States lose in air combat?"), CancellationToken.None);

        var conflict = Assert.Single(answer.Disagreements, d => d.Kind == DisagreementKind.Conflict);
        Assert.Equal(["139", "147"], conflict.Claims.Select(c => c.Value).Order(StringComparer.Ordinal));
        Assert.All(conflict.Claims, c => Assert.Contains(answer.Citations, x => x.N == c.Citation));
    }
}
