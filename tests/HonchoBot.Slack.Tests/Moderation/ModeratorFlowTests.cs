using System.Text.Json;
using System.Text.Json.Nodes;
using HonchoBot.Core.Sources;
using HonchoBot.Slack.Tests.Fakes;
using Moq;

namespace HonchoBot.Slack.Tests.Moderation;

/// <summary>
/// /honcho source … end to end. Moderators are the configured user ids and user-group members, re-checked on every
/// use; the registry (the one write path) receives every attempt, so refusals are audited there.
/// </summary>
public sealed class ModeratorFlowTests : IAsyncLifetime
{
    private const string GroupMember = "UGRP0001";
    private const string Member = "U0USER01";

    private static readonly SourceSummary Added = new("mig-alley-notes", "MiG Alley <notes>", "Korea Air War Society", "1999", "https://example.org/mig-alley",
        "slack:U", DateTimeOffset.Parse("2026-11-23T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture), 12, false, false, "slack:T0TEAM01");

    private FakeSlack _fake = null!;
    private SlackBot _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSlack.StartAsync();
        _fake.UserGroups[SlackBot.ModeratorGroupId] = [GroupMember, "U0OTHER1"];
        _bot = await SlackBot.StartAsync(_fake);

        // Like the real registry: refuses (and audits) non-moderators, whatever the action.
        var notModerator = new SourceResult(SourceOutcome.NotModerator, "Only moderators can change the library.");
        _bot.Registry.Setup(r => r.AddAsync(It.IsAny<SourceAddRequest>(), It.Is<Requester>(q => !q.IsModerator), It.IsAny<CancellationToken>())).ReturnsAsync(notModerator);
        _bot.Registry.Setup(r => r.AddAsync(It.IsAny<SourceAddRequest>(), It.Is<Requester>(q => q.IsModerator), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SourceResult(SourceOutcome.Done, "Added mig-alley-notes (12 passages).", Added));
        _bot.Registry.Setup(r => r.RemoveAsync(It.IsAny<string>(), It.Is<Requester>(q => !q.IsModerator), It.IsAny<CancellationToken>())).ReturnsAsync(notModerator);
        _bot.Registry.Setup(r => r.RemoveAsync("mig-alley-notes", It.Is<Requester>(q => q.IsModerator), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SourceResult(SourceOutcome.Done, "Removed mig-alley-notes."));
        _bot.Registry.Setup(r => r.HideAsync("sangha-kommune-soviet-casualties", It.Is<Requester>(q => q.IsModerator), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SourceResult(SourceOutcome.Done, "Hidden here."));
        _bot.Registry.Setup(r => r.UnhideAsync("sangha-kommune-soviet-casualties", It.Is<Requester>(q => q.IsModerator), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SourceResult(SourceOutcome.Done, "Visible again."));
        _bot.Registry.Setup(r => r.ListAsync("slack:" + FakeSlack.TeamId, It.IsAny<int>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SourcePage([Added with { Title = "Sneaky <!channel> title" }], 1, 1, 1));
        _bot.Registry.Setup(r => r.ReadAuditAsync("slack:" + FakeSlack.TeamId, It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new AuditEntry(DateTimeOffset.UnixEpoch, "slack", Member, "roadrunner", "slack:" + FakeSlack.TeamId, "C0CHAN01", "add", null, "not_moderator", null)]);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private async Task<RecordedCall> CommandAsync(string text, string user, string userName = "someone")
    {
        var url = _fake.NewResponseUrl();
        var response = await _bot.PostSignedAsync("/slack/commands", SlackPayloads.Form(SlackPayloads.SlashCommand(text, url, user, userName)),
            "application/x-www-form-urlencoded");
        response.EnsureSuccessStatusCode();
        var id = url.Split('/')[^2];
        return await _fake.WaitForMethodAsync("response_url", c => c.Get("response_url_id") == id);
    }

    [Fact]
    public async Task A_non_moderators_source_add_is_refused_and_passed_to_the_registry_for_auditing()
    {
        var reply = await CommandAsync("source add <https://example.org/mig-alley>", Member, "roadrunner");

        Assert.Equal("ephemeral", reply.Get("response_type"));
        Assert.Contains(":no_entry:", reply.Get("text"), StringComparison.Ordinal);
        Assert.Contains("Only moderators", reply.Get("text"), StringComparison.Ordinal);
        _bot.Registry.Verify(r => r.AddAsync(
            It.Is<SourceAddRequest>(a => a.Input is SourceInput.FromUrl && ((SourceInput.FromUrl)a.Input).Url == "https://example.org/mig-alley"),
            It.Is<Requester>(q => !q.IsModerator && q.Platform == "slack" && q.UserId == Member && q.DisplayName == "roadrunner"
                && q.CommunityId == "slack:" + FakeSlack.TeamId && q.ChannelId == "C0CHAN01"),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_configured_moderator_adds_a_url()
    {
        var reply = await CommandAsync("source add <https://example.org/mig-alley>", SlackBot.ModeratorUserId);

        Assert.Contains(":white_check_mark:", reply.Get("text"), StringComparison.Ordinal);
        Assert.Contains("MiG Alley &lt;notes&gt;", reply.BlockText(), StringComparison.Ordinal);
        _bot.Registry.Verify(r => r.AddAsync(It.IsAny<SourceAddRequest>(), It.Is<Requester>(q => q.IsModerator && q.UserId == SlackBot.ModeratorUserId), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task User_group_membership_is_rechecked_on_every_use()
    {
        var first = await CommandAsync("source remove mig-alley-notes", GroupMember);
        Assert.Contains("Removed", first.Get("text"), StringComparison.Ordinal);

        _fake.UserGroups[SlackBot.ModeratorGroupId] = ["U0OTHER1"];
        var second = await CommandAsync("source remove mig-alley-notes", GroupMember);
        Assert.Contains("Only moderators", second.Get("text"), StringComparison.Ordinal);

        Assert.Equal(2, _fake.Calls.Count(c => c.Method == "usergroups.users.list" && c.Get("usergroup") == SlackBot.ModeratorGroupId));
        _bot.Registry.Verify(r => r.RemoveAsync("mig-alley-notes", It.Is<Requester>(q => q.IsModerator), It.IsAny<CancellationToken>()), Times.Once);
        _bot.Registry.Verify(r => r.RemoveAsync("mig-alley-notes", It.Is<Requester>(q => !q.IsModerator), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Hide_and_unhide_go_to_the_registry_for_this_workspace()
    {
        Assert.Contains("Hidden here", (await CommandAsync("source hide sangha-kommune-soviet-casualties", SlackBot.ModeratorUserId)).Get("text"), StringComparison.Ordinal);
        Assert.Contains("Visible again", (await CommandAsync("source unhide sangha-kommune-soviet-casualties", SlackBot.ModeratorUserId)).Get("text"), StringComparison.Ordinal);
        _bot.Registry.Verify(r => r.HideAsync("sangha-kommune-soviet-casualties", It.Is<Requester>(q => q.CommunityId == "slack:" + FakeSlack.TeamId), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Anyone_can_list_sources_and_titles_are_escaped()
    {
        var reply = await CommandAsync("sources", Member);

        Assert.Contains("`mig-alley-notes`", reply.BlockText(), StringComparison.Ordinal);
        Assert.Contains("Sneaky &lt;!channel&gt; title", reply.BlockText(), StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", reply.BlockText(), StringComparison.Ordinal);
        _bot.Registry.Verify(r => r.ListAsync("slack:" + FakeSlack.TeamId, 1, 10, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Only_moderators_see_the_audit_trail()
    {
        var refused = await CommandAsync("source audit", Member);
        Assert.Contains("Only moderators", refused.Get("text"), StringComparison.Ordinal);
        _bot.Registry.Verify(r => r.ReadAuditAsync(It.IsAny<string?>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);

        var audit = await CommandAsync("source audit", SlackBot.ModeratorUserId);
        Assert.Contains("not_moderator", audit.Get("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_add_without_a_url_opens_a_modal_and_its_submission_adds_pasted_text()
    {
        var url = _fake.NewResponseUrl();
        await _bot.PostSignedAsync("/slack/commands", SlackPayloads.Form(SlackPayloads.SlashCommand("source add", url, SlackBot.ModeratorUserId)),
            "application/x-www-form-urlencoded");

        var open = await _fake.WaitForMethodAsync("views.open");
        Assert.Equal("398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c", open.Get("trigger_id"));
        var view = open.Body.GetProperty("view");
        Assert.Equal("honcho_source_add", view.GetProperty("callback_id").GetString());

        var submission = new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = FakeSlack.TeamId },
            ["user"] = new JsonObject { ["id"] = SlackBot.ModeratorUserId, ["username"] = "mod" },
            ["view"] = new JsonObject
            {
                ["callback_id"] = "honcho_source_add",
                ["private_metadata"] = view.GetProperty("private_metadata").GetString(),
                ["state"] = new JsonObject
                {
                    ["values"] = new JsonObject
                    {
                        ["text"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Soviet pilots flew from Antung." } },
                        ["title"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Antung notes" } },
                    },
                },
            },
        };
        var response = await _bot.PostSignedAsync("/slack/interactivity", "payload=" + Uri.EscapeDataString(submission.ToJsonString()), "application/x-www-form-urlencoded");
        response.EnsureSuccessStatusCode();

        var reply = await _fake.WaitForMethodAsync("chat.postEphemeral");
        Assert.Equal("C0CHAN01", reply.Get("channel"));
        Assert.Equal(SlackBot.ModeratorUserId, reply.Get("user"));
        _bot.Registry.Verify(r => r.AddAsync(
            It.Is<SourceAddRequest>(a => a.Input is SourceInput.FromText && ((SourceInput.FromText)a.Input).Text == "Soviet pilots flew from Antung." && a.Metadata.Title == "Antung notes"),
            It.Is<Requester>(q => q.IsModerator), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task An_empty_modal_submission_is_answered_with_field_errors()
    {
        var submission = """{"type":"view_submission","team":{"id":"T0TEAM01"},"user":{"id":"UMOD0001"},"view":{"callback_id":"honcho_source_add","private_metadata":"{\"team\":\"T0TEAM01\",\"channel\":\"C0CHAN01\"}","state":{"values":{}}}}""";
        var response = await _bot.PostSignedAsync("/slack/interactivity", "payload=" + Uri.EscapeDataString(submission), "application/x-www-form-urlencoded");

        using var ack = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("errors", ack.RootElement.GetProperty("response_action").GetString());
        Assert.True(ack.RootElement.GetProperty("errors").TryGetProperty("text", out _));
    }
}
