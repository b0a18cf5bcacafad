using System.Text.Json.Nodes;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Curation;
using HonchoBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HonchoBot.Discord.Tests.Feedback;

/// <summary>👍 / 👎 under every answer, the reasons after a 👎, deletion by a moderator and <c>/source gaps</c>, against the strict fake.</summary>
public sealed class FeedbackButtonTests : IAsyncLifetime
{
    private const string Voter = "1300000000000000006";
    private FakeDiscord _discord = null!;
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _bot = await BotHarness.StartAsync(_discord);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _discord.DisposeAsync();
    }

    private IFeedbackStore Store => _bot.Services.GetRequiredService<IFeedbackStore>();

    private async Task<JsonNode> RunAsync(JsonObject payload)
    {
        var (_, initial) = await _discord.DeliverOverHttpAsync(_bot.Http, _discord.NewInteraction(payload), payload.ToJsonString());
        return initial!;
    }

    /// <summary>Asks <c>/ask</c> and returns the custom ids of the answer's buttons.</summary>
    private async Task<List<string>> AskAsync(string question, Func<string, Answer> answer)
    {
        _bot.Answerer
            .Setup(a => a.AnswerAsync(It.Is<Question>(q => q.Text == question), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) => answer(q.Text));
        var patches = _discord.Requests.Count(r => r.Method == "PATCH");
        await RunAsync(Payloads.Command("ask", [Payloads.Option("question", question)]));
        await _discord.WaitForRequestsAsync(r => r.Method == "PATCH", count: patches + 1, what: "the answer");
        var message = _discord.Requests.Where(r => r.Method == "PATCH").Last().Json!;
        return (message["components"]?.AsArray() ?? [])
            .SelectMany(row => row!["components"]!.AsArray())
            .Select(b => b!["custom_id"]?.GetValue<string>())
            .OfType<string>()
            .ToList();
    }

    [Fact]
    public async Task A_vote_is_recorded_and_a_second_vote_by_the_same_person_updates_it()
    {
        var buttons = await AskAsync("How many MiGs did the Sabre pilots claim?", SampleAnswers.WithDisagreement);
        var up = Assert.Single(buttons, b => b.StartsWith("honcho:up:", StringComparison.Ordinal));
        var down = Assert.Single(buttons, b => b.StartsWith("honcho:down:", StringComparison.Ordinal));
        var answerId = up["honcho:up:".Length..];
        Assert.Equal("honcho:down:" + answerId, down);

        var first = await RunAsync(Payloads.Button(up, "1300000000000000777", userId: Voter));
        var second = await RunAsync(Payloads.Button(down, "1300000000000000777", userId: Voter));

        Assert.Equal(4, first["type"]!.GetValue<int>());
        Assert.Equal(64, first["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("Thanks", first["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Changed your vote", second["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var vote = Assert.Single(await Store.ReadVotesSinceAsync(DateTimeOffset.MinValue, CancellationToken.None));
        Assert.Equal((answerId, VoteValue.Down, (VoteReason?)null), (vote.AnswerId, vote.Value, vote.Reason));
        Assert.Equal("How many MiGs did the Sabre pilots claim?", vote.Question);
        Assert.Equal(["milwaukee-independent-mig-graves#19", SampleAnswers.Sangha().PassageId], vote.PassageIds);
        Assert.Equal("discord:" + Payloads.GuildId, vote.CommunityId);
        Assert.NotEqual(Voter, vote.VoterHash);
        Assert.NotEqual(Payloads.UserId, vote.AskerHash);
        Assert.DoesNotContain(_bot.Logs.Lines, line => line.Contains(Voter, StringComparison.Ordinal));
        var written = string.Concat(Directory.EnumerateFiles(_bot.DataPath, "*.jsonl", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.DoesNotContain(Voter, written, StringComparison.Ordinal);
        Assert.DoesNotContain(Payloads.UserId, written, StringComparison.Ordinal);
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task A_thumbs_down_offers_reasons_and_the_chosen_reason_updates_the_vote_in_place()
    {
        var buttons = await AskAsync("How many MiGs did the Sabre pilots claim?", SampleAnswers.WithDisagreement);
        var down = buttons.Single(b => b.StartsWith("honcho:down:", StringComparison.Ordinal));

        var offer = await RunAsync(Payloads.Button(down, "1300000000000000777", userId: Voter));
        var reasons = offer["data"]!["components"]![0]!["components"]!.AsArray().Select(b => (b!["label"]!.GetValue<string>(), b["custom_id"]!.GetValue<string>())).ToList();
        Assert.Equal(["Wrong source", "Missing answer"], reasons.Select(r => r.Item1));
        var chosen = await RunAsync(Payloads.Button(reasons[1].Item2, "1300000000000000888", userId: Voter));

        Assert.Equal(64, offer["data"]!["flags"]!.GetValue<int>());
        Assert.Equal(7, chosen["type"]!.GetValue<int>());
        Assert.Contains("missing answer", chosen["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(chosen["data"]!["components"]!.AsArray());
        var vote = Assert.Single(await Store.ReadVotesSinceAsync(DateTimeOffset.MinValue, CancellationToken.None));
        Assert.Equal((VoteValue.Down, (VoteReason?)VoteReason.MissingAnswer), (vote.Value, vote.Reason));
        Assert.Empty(_discord.Violations);
    }

    [Theory]
    [InlineData("honcho:up:nonsense")]
    [InlineData("honcho:down:260101aaaaaaaaaa")]
    [InlineData("honcho:why:260101aaaaaaaaaa:x")]
    public async Task A_button_for_an_unknown_answer_is_told_so_and_records_nothing(string customId)
    {
        var response = await RunAsync(Payloads.Button(customId, "1300000000000000777", userId: Voter));

        Assert.Equal(4, response["type"]!.GetValue<int>());
        Assert.Equal(64, response["data"]!["flags"]!.GetValue<int>());
        Assert.Empty(await Store.ReadVotesSinceAsync(DateTimeOffset.MinValue, CancellationToken.None));
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task Answers_without_citations_carry_no_vote_buttons()
    {
        var buttons = await AskAsync("Who won the 1950 cup final?", SampleAnswers.NoAnswer);

        Assert.DoesNotContain(buttons, b => b.StartsWith("honcho:up:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_moderator_can_delete_someone_elses_reply_and_a_stranger_cannot()
    {
        var stranger = await RunAsync(Payloads.Button("honcho:del:" + Payloads.UserId, "1300000000000000777", userId: Voter, permissions: "0"));
        var moderator = await RunAsync(Payloads.Button("honcho:del:" + Payloads.UserId, "1300000000000000777", userId: Voter, permissions: "32"));

        Assert.Contains("Only the person who asked, or a moderator", stranger["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(6, moderator["type"]!.GetValue<int>());
        await _discord.WaitForRequestsAsync(r => r.Method == "DELETE", what: "the deletion");
        Assert.Equal($"/channels/{Payloads.ChannelId}/messages/1300000000000000777", _discord.Requests.Single(r => r.Method == "DELETE").Path);
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task Source_gaps_lists_unanswered_questions_for_moderators_only()
    {
        await AskAsync("Who painted the hangar doors?", SampleAnswers.NoAnswer);
        await AskAsync("who painted the hangar doors", SampleAnswers.NoAnswer);

        var refused = await RunAsync(Payloads.Command("source", [Payloads.Sub("gaps")], permissions: "0"));
        var patches = _discord.Requests.Count(r => r.Method == "PATCH");
        await RunAsync(Payloads.Command("source", [Payloads.Sub("gaps", new JsonObject { ["name"] = "days", ["type"] = 4, ["value"] = 7 })], permissions: "32"));
        await _discord.WaitForRequestsAsync(r => r.Method == "PATCH", count: patches + 1, what: "the gaps report");

        Assert.Contains("Only moderators", refused["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var embed = _discord.Requests.Where(r => r.Method == "PATCH").Last().Json!["embeds"]![0]!;
        Assert.Equal("Coverage gaps, last 7 days", embed["title"]!.GetValue<string>());
        var description = embed["description"]!.GetValue<string>();
        Assert.Contains("2×", description, StringComparison.Ordinal);
        Assert.Contains("hangar doors", description, StringComparison.Ordinal);
        Assert.Contains("2 unanswered", description, StringComparison.Ordinal);
        Assert.Empty(_discord.Violations);
    }
}
