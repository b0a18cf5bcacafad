using System.Text.Json.Nodes;
using HonchoBot.Core.Sources;
using HonchoBot.Slack.Tests.Fakes;
using Moq;

namespace HonchoBot.Slack.Tests.Moderation;

/// <summary>A file shared with "add source" becomes a source (docs/slack-setup.md), for moderators only.</summary>
public sealed class FileSourceTests : IAsyncLifetime
{
    private static readonly byte[] Document =
        "---\ntitle: \"Antung airfield notes\"\n---\nThe 64th Fighter Aviation Corps flew MiG-15s from Antung.\n"u8.ToArray();

    private FakeSlack _fake = null!;
    private SlackBot _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSlack.StartAsync();
        _fake.Files["F0DOC001"] = new FakeFile("F0DOC001", "antung-notes.md", "Antung airfield notes", Document);
        _bot = await SlackBot.StartAsync(_fake);
        _bot.Registry.Setup(r => r.AddAsync(It.IsAny<SourceAddRequest>(), It.Is<Requester>(q => !q.IsModerator), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SourceResult(SourceOutcome.NotModerator, "Only moderators can change the library."));
        _bot.Registry.Setup(r => r.AddAsync(It.IsAny<SourceAddRequest>(), It.Is<Requester>(q => q.IsModerator), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SourceResult(SourceOutcome.Done, "Added antung-notes (1 passage).",
                new SourceSummary("antung-notes", "Antung airfield notes", null, null, null, "slack:UMOD0001", DateTimeOffset.UnixEpoch, 1, false, false, "slack:T0TEAM01")));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private Task<HttpResponseMessage> ShareAsync(string user, string eventId, string ts) =>
        _bot.PostSignedAsync("/slack/events",
            SlackPayloads.DirectMessage(eventId, "add source", ts, user, subtype: "file_share",
                files: new JsonArray(new JsonObject { ["id"] = "F0DOC001", ["name"] = "antung-notes.md" })).ToJsonString(),
            "application/json");

    [Fact]
    public async Task A_moderators_shared_file_is_downloaded_with_the_bot_token_and_added()
    {
        await ShareAsync(SlackBot.ModeratorUserId, "Ev2FILE0001", "1700000020.000100");

        var reply = await _fake.WaitForMethodAsync("chat.postMessage");
        Assert.Equal("1700000020.000100", reply.Get("thread_ts"));
        Assert.Contains("Added antung-notes", reply.Get("text"), StringComparison.Ordinal);
        Assert.Equal("Bearer " + FakeSlack.BotToken, _fake.Calls.Single(c => c.Method == "files.download").Authorization);
        _bot.Registry.Verify(r => r.AddAsync(
            It.Is<SourceAddRequest>(a => a.Input is SourceInput.FromFile
                && ((SourceInput.FromFile)a.Input).FileName == "antung-notes.md"
                && ((SourceInput.FromFile)a.Input).Content.ToArray().SequenceEqual(Document)
                && a.Metadata.Title == "Antung airfield notes"),
            It.Is<Requester>(q => q.IsModerator && q.CommunityId == "slack:" + FakeSlack.TeamId && q.DisplayName == "Display " + SlackBot.ModeratorUserId),
            It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task A_non_moderators_shared_file_is_never_downloaded_and_the_refusal_reaches_the_registry()
    {
        await ShareAsync("U0USER01", "Ev2FILE0002", "1700000020.000200");

        var reply = await _fake.WaitForMethodAsync("chat.postEphemeral");
        Assert.Equal("U0USER01", reply.Get("user"));
        Assert.Contains("Only moderators", reply.Get("text"), StringComparison.Ordinal);
        Assert.DoesNotContain(_fake.Calls, c => c.Method is "files.info" or "files.download");
        _bot.Registry.Verify(r => r.AddAsync(It.IsAny<SourceAddRequest>(), It.Is<Requester>(q => !q.IsModerator && q.UserId == "U0USER01"), It.IsAny<CancellationToken>()), Times.Once);
        _bot.Answerer.Verify(a => a.AnswerAsync(It.IsAny<HonchoBot.Core.Answers.Question>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_file_Slack_no_longer_has_is_reported_with_Slacks_error()
    {
        _fake.Files.TryRemove("F0DOC001", out _);
        await ShareAsync(SlackBot.ModeratorUserId, "Ev2FILE0003", "1700000020.000300");

        var reply = await _fake.WaitForMethodAsync("chat.postEphemeral");
        Assert.Contains("file_not_found", reply.Get("text"), StringComparison.Ordinal);
        _bot.Registry.Verify(r => r.AddAsync(It.IsAny<SourceAddRequest>(), It.IsAny<Requester>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
