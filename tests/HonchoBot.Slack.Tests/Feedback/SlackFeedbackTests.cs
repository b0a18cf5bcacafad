using System.Text.Json;
using System.Text.Json.Nodes;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Curation;
using HonchoBot.Slack.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HonchoBot.Slack.Tests.Feedback;

/// <summary>:+1: / :-1: and :wastebasket: under every answer, and <c>/honcho gaps</c>, against the strict fake Slack.</summary>
public sealed class SlackFeedbackTests : IAsyncLifetime
{
    private const string Voter = "U0VOTER01";
    private FakeSlack _fake = null!;
    private SlackBot _bot = null!;
    private JsonNode _answerBlocks = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSlack.StartAsync();
        _bot = await SlackBot.StartAsync(_fake);
        _bot.Answerer.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Question q, CancellationToken _) => q.Text.Contains("hangar", StringComparison.Ordinal)
                ? Answer.Without(q.Text, AnswerStatus.NoAnswer, "Nothing in my sources answers that.")
                : TestAnswers.MigClaims(q.Text));
        _answerBlocks = await _bot.MentionAndReadAnswerBlocksAsync(_fake, "Ev7VOTE0001", "<@UBOT0001> How many MiGs?", "1700000070.000100");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private IFeedbackStore Store => _bot.Services.GetRequiredService<IFeedbackStore>();

    private JsonArray Buttons => _answerBlocks.AsArray().Last()!["elements"]!.AsArray();

    private string ButtonValue(string actionId) => Buttons.Single(b => b!["action_id"]!.GetValue<string>() == actionId)!["value"]!.GetValue<string>();

    private async Task<RecordedCall> ClickAsync(string user, string actionId, string value)
    {
        var url = _fake.NewResponseUrl();
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = FakeSlack.TeamId },
            ["channel"] = new JsonObject { ["id"] = "C0CHAN01" },
            ["user"] = new JsonObject { ["id"] = user },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000070.000200", ["channel_id"] = "C0CHAN01" },
            ["message"] = new JsonObject
            {
                ["type"] = "message",
                ["subtype"] = "bot_message",
                ["bot_id"] = FakeSlack.BotId,
                ["ts"] = "1700000070.000200",
                ["blocks"] = _answerBlocks.DeepClone(),
            },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["block_id"] = "honcho-feedback", ["value"] = value, ["type"] = "button" }),
            ["response_url"] = url,
        };
        var response = await _bot.PostSignedAsync("/slack/interactivity", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded");
        response.EnsureSuccessStatusCode();
        var id = url.Split('/')[^2];
        return await _fake.WaitForMethodAsync("response_url", c => c.Get("response_url_id") == id);
    }

    [Fact]
    public async Task Every_answer_carries_thumbs_and_delete_buttons_for_one_answer_id()
    {
        var ids = Buttons.Select(b => b!["action_id"]!.GetValue<string>()).ToList();

        Assert.Equal(["honcho_vote_up", "honcho_vote_down", "honcho_delete"], ids);
        Assert.Equal(ButtonValue("honcho_vote_up"), ButtonValue("honcho_vote_down"));
        Assert.True(AnswerIds.TryGetDay(ButtonValue("honcho_vote_up"), out _));
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task A_vote_is_recorded_a_second_vote_updates_it_and_a_reason_updates_it_again()
    {
        var answerId = ButtonValue("honcho_vote_up");

        var up = await ClickAsync(Voter, "honcho_vote_up", answerId);
        var down = await ClickAsync(Voter, "honcho_vote_down", answerId);
        var reasons = JsonNode.Parse(down.Body.GetRawText())!["blocks"]![1]!["elements"]!.AsArray();
        var reason = reasons.Single(r => r!["text"]!["text"]!.GetValue<string>() == "Wrong source")!;
        var chosen = await ClickAsync(Voter, reason["action_id"]!.GetValue<string>(), reason["value"]!.GetValue<string>());

        Assert.Contains("Thanks", up.Get("text"), StringComparison.Ordinal);
        Assert.Equal("ephemeral", up.Get("response_type"));
        Assert.Contains("Changed your vote", down.Get("text"), StringComparison.Ordinal);
        Assert.Contains("wrong source", chosen.Get("text"), StringComparison.Ordinal);
        var vote = Assert.Single(await Store.ReadVotesSinceAsync(DateTimeOffset.MinValue, CancellationToken.None));
        Assert.Equal((answerId, VoteValue.Down, (VoteReason?)VoteReason.WrongSource), (vote.AnswerId, vote.Value, vote.Reason));
        Assert.Equal("How many MiGs?", vote.Question);
        Assert.Equal("slack:" + FakeSlack.TeamId, vote.CommunityId);
        Assert.Equal(2, vote.PassageIds.Count);
        Assert.NotEqual(Voter, vote.VoterHash);
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task Two_people_have_two_votes()
    {
        var answerId = ButtonValue("honcho_vote_up");

        await ClickAsync(Voter, "honcho_vote_up", answerId);
        await ClickAsync("U0USER01", "honcho_vote_down", answerId);

        var votes = await Store.ReadVotesSinceAsync(DateTimeOffset.MinValue, CancellationToken.None);
        Assert.Equal([VoteValue.Up, VoteValue.Down], votes.Select(v => v.Value));
    }

    [Theory]
    [InlineData("honcho_vote_up", "not-an-answer", "expired")]
    [InlineData("honcho_vote_down", "260101aaaaaaaaaa", "too old")]
    [InlineData("honcho_vote_reason_x", "260101aaaaaaaaaa", "expired")]
    public async Task A_button_for_an_unknown_answer_is_told_so_and_records_nothing(string actionId, string value, string expected)
    {
        var reply = await ClickAsync(Voter, actionId, value);

        Assert.Contains(expected, reply.Get("text"), StringComparison.Ordinal);
        Assert.Empty(await Store.ReadVotesSinceAsync(DateTimeOffset.MinValue, CancellationToken.None));
    }

    [Fact]
    public async Task The_delete_button_refuses_a_stranger_and_lets_a_moderator_delete()
    {
        var refused = await ClickAsync("U0STRANGR", "honcho_delete", "delete");
        Assert.Contains("Only the person who asked", refused.Get("text"), StringComparison.Ordinal);
        Assert.DoesNotContain(_fake.Calls, c => c.Method == "chat.delete");

        var deleted = await ClickAsync(SlackBot.ModeratorUserId, "honcho_delete", "delete");

        Assert.Contains("Deleted", deleted.Get("text"), StringComparison.Ordinal);
        var delete = Assert.Single(_fake.Calls, c => c.Method == "chat.delete");
        Assert.Equal("1700000070.000200", delete.Get("ts"));
    }

    [Fact]
    public async Task The_asker_can_delete_with_the_button()
    {
        var deleted = await ClickAsync("U0USER01", "honcho_delete", "delete");

        Assert.Contains("Deleted", deleted.Get("text"), StringComparison.Ordinal);
        Assert.Single(_fake.Calls, c => c.Method == "chat.delete");
    }

    [Fact]
    public async Task Gaps_lists_unanswered_and_down_voted_questions_for_moderators_only()
    {
        await _bot.PostSignedAsync("/slack/events", SlackPayloads.AppMention("Ev7VOTE0002", "<@UBOT0001> Who painted the hangar doors?", "1700000071.000100").ToJsonString(), "application/json");
        await _bot.PostSignedAsync("/slack/events", SlackPayloads.AppMention("Ev7VOTE0003", "<@UBOT0001> who painted the hangar doors", "1700000072.000100").ToJsonString(), "application/json");
        await _fake.WaitForCallAsync(_ => _fake.Calls.Count(x => x.Method == "chat.postMessage") >= 3);
        await ClickAsync(Voter, "honcho_vote_down", ButtonValue("honcho_vote_down"));

        var refused = await CommandAsync("gaps", "U0USER01");
        var report = await CommandAsync("gaps 7", SlackBot.ModeratorUserId);

        Assert.Contains("Only moderators", refused.Get("text"), StringComparison.Ordinal);
        var text = report.Get("text")!;
        Assert.Contains("last 7 days", text, StringComparison.Ordinal);
        Assert.Contains("2×", text, StringComparison.Ordinal);
        Assert.Contains("hangar doors", text, StringComparison.Ordinal);
        Assert.Contains("How many MiGs?", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("hangar", StringComparison.Ordinal) < text.IndexOf("How many MiGs?", StringComparison.Ordinal)); // most asked first
        Assert.Empty(_fake.Violations);
    }

    private async Task<RecordedCall> CommandAsync(string text, string user)
    {
        var url = _fake.NewResponseUrl();
        var response = await _bot.PostSignedAsync("/slack/commands", SlackPayloads.Form(SlackPayloads.SlashCommand(text, url, user)), "application/x-www-form-urlencoded");
        response.EnsureSuccessStatusCode();
        var id = url.Split('/')[^2];
        return await _fake.WaitForMethodAsync("response_url", c => c.Get("response_url_id") == id && !(c.Get("text") ?? string.Empty).Contains("Working on it", StringComparison.Ordinal));
    }
}
