using System.Text.Json.Nodes;
using HonchoBot.Core.Sources;
using HonchoBot.Discord.Tests.Fakes;
using Moq;

namespace HonchoBot.Discord.Tests.Moderation;

/// <summary>Moderator commands through the registry (docs/architecture.md).</summary>
public sealed class SourceCommandTests : IAsyncLifetime
{
    private FakeDiscord _discord = null!;
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _bot = await BotHarness.StartAsync(_discord, c => c["Discord:Token"] = string.Empty);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _discord.DisposeAsync();
    }

    private async Task<JsonNode> RunAsync(JsonObject payload)
    {
        var (_, initial) = await _discord.DeliverOverHttpAsync(_bot.Http, _discord.NewInteraction(payload), payload.ToJsonString());
        return initial!;
    }

    private static JsonObject WithAttachment(JsonObject command, string url, long size = 60)
    {
        command["data"]!["resolved"] = new JsonObject
        {
            ["attachments"] = new JsonObject
            {
                ["9001"] = new JsonObject { ["id"] = "9001", ["filename"] = "antung.md", ["size"] = size, ["url"] = url, ["content_type"] = "text/markdown" },
            },
        };
        return command;
    }

    [Fact]
    public async Task A_moderators_uploaded_file_is_fetched_from_the_cdn_without_the_token_and_added()
    {
        SourceAddRequest? added = null;
        _bot.Registry
            .Setup(r => r.AddAsync(It.IsAny<SourceAddRequest>(), It.Is<Requester>(q => q.IsModerator && q.CommunityId == "discord:" + Payloads.GuildId), It.IsAny<CancellationToken>()))
            .Callback<SourceAddRequest, Requester, CancellationToken>((a, _, _) => added = a)
            .ReturnsAsync(new SourceResult(SourceOutcome.Done, "Added.", new SourceSummary("antung", "A pasted source", null, null, null, "discord:Ivan", null, 2, false, false, "discord:" + Payloads.GuildId)));
        var file = new JsonObject { ["name"] = "file", ["type"] = 11, ["value"] = "9001" };
        var command = WithAttachment(Payloads.Command("source", [Payloads.Sub("add", file, Payloads.Option("publisher", "Notes"))], permissions: "32"), _discord.Origin + "/cdn/attachments/1/2/antung.md");

        await RunAsync(command);

        await _discord.WaitForRequestsAsync(r => r.Method == "PATCH", what: "the confirmation");
        var input = Assert.IsType<SourceInput.FromFile>(added!.Input);
        Assert.Equal("antung.md", input.FileName);
        Assert.Equal("# A pasted source\n\nThe MiG-15 flew from Antung.", System.Text.Encoding.UTF8.GetString(input.Content.Span));
        Assert.Equal("Notes", added.Metadata.Publisher);
        Assert.StartsWith("✅", _discord.Requests.Single(r => r.Method == "PATCH").Json!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attachment_url_off_discords_cdn_is_not_fetched()
    {
        var file = new JsonObject { ["name"] = "file", ["type"] = 11, ["value"] = "9001" };
        var command = WithAttachment(Payloads.Command("source", [Payloads.Sub("add", file)], permissions: "32"), "http://169.254.169.254/latest/meta-data");

        var initial = await RunAsync(command);

        Assert.Equal(4, initial["type"]!.GetValue<int>());
        Assert.Equal(64, initial["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("not on Discord's CDN", initial["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        _bot.Registry.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Listing_and_audit_are_for_moderators_only()
    {
        var list = await RunAsync(Payloads.Command("source", [Payloads.Sub("list")], permissions: "0"));
        var audit = await RunAsync(Payloads.Command("source", [Payloads.Sub("audit")], permissions: "1024"));

        Assert.Contains("Only moderators", list["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Only moderators", audit["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        _bot.Registry.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_moderator_sees_the_communitys_audit_trail()
    {
        _bot.Registry
            .Setup(r => r.ReadAuditAsync("discord:" + Payloads.GuildId, 5, It.IsAny<CancellationToken>()))
            .ReturnsAsync(
            [
                new AuditEntry(DateTimeOffset.Parse("2026-11-23T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "discord", "1", "Olga", "discord:" + Payloads.GuildId, Payloads.ChannelId, "add", "antung", "done", null),
                new AuditEntry(DateTimeOffset.Parse("2026-11-23T12:05:00Z", System.Globalization.CultureInfo.InvariantCulture), "discord", "2", "@everyone", "discord:" + Payloads.GuildId, Payloads.ChannelId, "remove", "antung", "not_moderator", "refused"),
            ]);

        await RunAsync(Payloads.Command("source", [Payloads.Sub("audit", new JsonObject { ["name"] = "count", ["type"] = 4, ["value"] = 5 })], permissions: "32"));

        await _discord.WaitForRequestsAsync(r => r.Method == "PATCH", what: "the audit");
        var description = _discord.Requests.Single(r => r.Method == "PATCH").Json!["embeds"]![0]!["description"]!.GetValue<string>();
        Assert.True(description.IndexOf("not\\_moderator", StringComparison.Ordinal) < description.IndexOf("done", StringComparison.Ordinal)); // newest first
        Assert.DoesNotContain("@everyone", description, StringComparison.Ordinal);
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task The_about_button_shows_a_sources_notes_privately()
    {
        _bot.Registry
            .Setup(r => r.ShowAsync("sangha-kommune-soviet-casualties", "discord:" + Payloads.GuildId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SourceDetails(
                new SourceSummary("sangha-kommune-soviet-casualties", SampleAnswers.SanghaTitle, "The Sangha Kommune", "2017-01-20", "https://thesanghakommune.org/", null, null, 9, true, false, null),
                null,
                "Written from an openly partisan standpoint; figures attributed to declassified Soviet records.",
                "The Korean War eventually ended in a stalemate situation."));

        var initial = await RunAsync(Payloads.Button("honcho:about:sangha-kommune-soviet-casualties", "1300000000000000777"));

        Assert.Equal(5, initial["type"]!.GetValue<int>());
        Assert.Equal(64, initial["data"]!["flags"]!.GetValue<int>());
        await _discord.WaitForRequestsAsync(r => r.Method == "PATCH", what: "the details");
        var embed = _discord.Requests.Single(r => r.Method == "PATCH").Json!["embeds"]![0]!;
        Assert.Contains(embed["fields"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "Notes" && f["value"]!.GetValue<string>().StartsWith("Written from an openly partisan", StringComparison.Ordinal));
        Assert.Empty(_discord.Violations);
    }
}
