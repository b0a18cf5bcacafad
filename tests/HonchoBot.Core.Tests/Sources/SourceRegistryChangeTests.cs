using System.Text.Json;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Sources;
using HonchoBot.Core.Tests.TestSupport;

namespace HonchoBot.Core.Tests.Sources;

/// <summary>Remove, hide, unhide, list, show and the audit trail, within and across communities.</summary>
public sealed class SourceRegistryChangeTests : IDisposable
{
    private const string ShippedQuestion = "How many MiGs did the Sabre pilots claim?";
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly RegistryHarness _harness = RegistryHarness.Create();

    public void Dispose() => _harness.Dispose();

    private ISourceRegistry Registry => _harness.Registry;

    private async Task<string> AddLighthouseAsync(Requester requester)
    {
        var result = await Registry.AddAsync(new SourceAddRequest(new SourceInput.FromText(TestDocuments.Lighthouse), new SourceMetadata(Title: "Storm log", Publisher: "Harbour Museum")), requester, None);
        Assert.Equal(SourceOutcome.Done, result.Outcome);
        return result.Source!.Id;
    }

    private async Task<string> ShippedSourceAnsweringAsync()
    {
        var answer = await _harness.AskAsync(ShippedQuestion);
        Assert.Equal(AnswerStatus.Answered, answer.Status);
        return answer.Citations[0].SourceId;
    }

    [Fact]
    public async Task Removing_an_added_source_moves_its_file_aside_and_takes_its_passages_out_at_once()
    {
        var moderator = RegistryHarness.Moderator("discord:100");
        var id = await AddLighthouseAsync(moderator);

        var result = await Registry.RemoveAsync(id, moderator, None);

        Assert.Equal(SourceOutcome.Done, result.Outcome);
        Assert.Equal("Removed storm-log (\"Storm log\"); an operator can recover it.", result.Message);
        Assert.False(File.Exists(Path.Combine(_harness.SourcesPath, "storm-log.md")));
        var kept = Assert.Single(Directory.GetFiles(Path.Combine(_harness.SourcesPath, ".removed")));
        Assert.StartsWith("storm-log.", Path.GetFileName(kept), StringComparison.Ordinal);
        Assert.DoesNotContain(id, _harness.IndexHost.Require().IndexedSources.Keys);
        var answer = await _harness.AskAsync(TestDocuments.LighthouseQuestion, "discord:100");
        Assert.DoesNotContain(answer.Citations, c => c.SourceId == id);
        var entry = await _harness.LastAuditAsync();
        Assert.Equal(("remove", "done", "storm-log", "discord:100"), (entry.Action, entry.Outcome, entry.SourceId, entry.CommunityId));

        // The same text may come back later, under a fresh id (the removed file keeps the old one).
        var again = await Registry.AddAsync(new SourceAddRequest(new SourceInput.FromText(TestDocuments.Lighthouse), new SourceMetadata(Title: "Storm log")), moderator, None);
        Assert.Equal(("storm-log-2", SourceOutcome.Done), (again.Source?.Id, again.Outcome));
    }

    [Fact]
    public async Task A_shipped_source_cannot_be_removed_and_the_refusal_is_audited()
    {
        var shipped = await ShippedSourceAnsweringAsync();

        var result = await Registry.RemoveAsync(shipped, Requester.Cli("alice"), None);

        Assert.Equal(SourceOutcome.NotAllowed, result.Outcome);
        Assert.Equal($"{shipped} is a shipped source and cannot be removed; hide it instead.", result.Message);
        Assert.Equal(AnswerStatus.Answered, (await _harness.AskAsync(ShippedQuestion)).Status);
        var entry = await _harness.LastAuditAsync();
        Assert.Equal(("remove", "not_allowed", shipped), (entry.Action, entry.Outcome, entry.SourceId));
    }

    [Fact]
    public async Task A_moderator_cannot_remove_another_communitys_source_or_a_global_one()
    {
        var other = await AddLighthouseAsync(RegistryHarness.Moderator("discord:200"));
        var global = (await Registry.AddAsync(new SourceAddRequest(new SourceInput.FromText(TestDocuments.Topic(1)), new SourceMetadata(Title: "Orchard")), Requester.Cli("alice"), None)).Source!.Id;
        var moderator = RegistryHarness.Moderator("discord:100");

        var foreign = await Registry.RemoveAsync(other, moderator, None);
        var fromGlobal = await Registry.RemoveAsync(global, moderator, None);

        Assert.Equal((SourceOutcome.NotFound, "There is no source storm-log here."), (foreign.Outcome, foreign.Message));
        Assert.Equal((SourceOutcome.NotAllowed, "orchard belongs to the global library and can only be removed by the operator; hide it instead."), (fromGlobal.Outcome, fromGlobal.Message));
        Assert.True(File.Exists(Path.Combine(_harness.SourcesPath, "storm-log.md")));
        Assert.True(File.Exists(Path.Combine(_harness.SourcesPath, "orchard.md")));
        var entries = await Registry.ReadAuditAsync("discord:100", 10, None);
        Assert.Equal(["not_found", "not_allowed"], entries.Select(e => e.Outcome));
    }

    [Theory]
    [InlineData("no-such-source", "There is no source no-such-source here.", "no-such-source")]
    [InlineData("../../etc/passwd", "There is no source with that id here.", null)]
    [InlineData("", "There is no source with that id here.", null)]
    public async Task Removing_an_unknown_id_is_not_found_and_audited(string id, string message, string? auditedId)
    {
        var result = await Registry.RemoveAsync(id, Requester.Cli("alice"), None);

        Assert.Equal((SourceOutcome.NotFound, message), (result.Outcome, result.Message));
        var entry = await _harness.LastAuditAsync();
        Assert.Equal(("remove", "not_found", auditedId), (entry.Action, entry.Outcome, entry.SourceId));
    }

    [Fact]
    public async Task Non_moderators_cannot_remove_hide_or_unhide_and_each_attempt_is_audited()
    {
        var id = await AddLighthouseAsync(RegistryHarness.Moderator("discord:100"));
        var member = RegistryHarness.Moderator("discord:100", "u-member", isModerator: false);

        var remove = await Registry.RemoveAsync(id, member, None);
        var hide = await Registry.HideAsync(id, member, None);
        var unhide = await Registry.UnhideAsync(id, member, None);

        Assert.Equal("Only moderators can remove sources.", remove.Message);
        Assert.Equal("Only moderators can hide sources.", hide.Message);
        Assert.Equal("Only moderators can unhide sources.", unhide.Message);
        Assert.All(new[] { remove, hide, unhide }, r => Assert.Equal(SourceOutcome.NotModerator, r.Outcome));
        Assert.True(File.Exists(Path.Combine(_harness.SourcesPath, id + ".md")));
        var entries = (await Registry.ReadAuditAsync(null, 3, None)).ToList();
        Assert.Equal(["remove", "hide", "unhide"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("not_moderator", "u-member", id), (e.Outcome, e.UserId, e.SourceId)));
    }

    [Fact]
    public async Task Hiding_a_shipped_source_hides_it_in_that_community_only_and_unhiding_restores_it()
    {
        var shipped = await ShippedSourceAnsweringAsync();
        var moderator = RegistryHarness.Moderator("discord:100");

        var hide = await Registry.HideAsync(shipped, moderator, None);

        Assert.Equal((SourceOutcome.Done, $"Hid {shipped} in this community."), (hide.Outcome, hide.Message));
        Assert.DoesNotContain((await _harness.AskAsync(ShippedQuestion, "discord:100")).Citations, c => c.SourceId == shipped);
        Assert.Contains((await _harness.AskAsync(ShippedQuestion, "discord:200")).Citations, c => c.SourceId == shipped);
        Assert.Contains((await _harness.AskAsync(ShippedQuestion)).Citations, c => c.SourceId == shipped);
        Assert.True((await Registry.ListAsync("discord:100", 1, 50, None)).Items.Single(s => s.Id == shipped).IsHidden);
        Assert.False((await Registry.ListAsync("discord:200", 1, 50, None)).Items.Single(s => s.Id == shipped).IsHidden);

        var unhide = await Registry.UnhideAsync(shipped, moderator, None);

        Assert.Equal((SourceOutcome.Done, $"{shipped} is visible in this community again."), (unhide.Outcome, unhide.Message));
        Assert.Contains((await _harness.AskAsync(ShippedQuestion, "discord:100")).Citations, c => c.SourceId == shipped);
        var entries = await Registry.ReadAuditAsync("discord:100", 2, None);
        Assert.Equal([("hide", "done"), ("unhide", "done")], entries.Select(e => (e.Action, e.Outcome)));
    }

    [Fact]
    public async Task Hiding_twice_and_unhiding_twice_are_both_harmless_and_say_so()
    {
        var shipped = await ShippedSourceAnsweringAsync();
        var moderator = RegistryHarness.Moderator("discord:100");

        await Registry.HideAsync(shipped, moderator, None);
        var twice = await Registry.HideAsync(shipped, moderator, None);
        await Registry.UnhideAsync(shipped, moderator, None);
        var notHidden = await Registry.UnhideAsync(shipped, moderator, None);

        Assert.Equal((SourceOutcome.Done, $"{shipped} was already hidden in this community."), (twice.Outcome, twice.Message));
        Assert.Equal((SourceOutcome.Done, $"{shipped} was not hidden in this community."), (notHidden.Outcome, notHidden.Message));
        Assert.Equal("done", (await _harness.LastAuditAsync()).Outcome);
    }

    [Fact]
    public async Task The_operator_hides_for_every_community_and_a_community_moderator_cannot_undo_it()
    {
        var shipped = await ShippedSourceAnsweringAsync();

        var hide = await Registry.HideAsync(shipped, Requester.Cli("alice"), None);
        var undo = await Registry.UnhideAsync(shipped, RegistryHarness.Moderator("discord:100"), None);

        Assert.Equal($"Hid {shipped} everywhere.", hide.Message);
        Assert.Equal((SourceOutcome.NotAllowed, $"{shipped} is hidden by the operator for every community; only the operator can unhide it."), (undo.Outcome, undo.Message));
        Assert.DoesNotContain((await _harness.AskAsync(ShippedQuestion, "discord:100")).Citations, c => c.SourceId == shipped);
        Assert.DoesNotContain((await _harness.AskAsync(ShippedQuestion)).Citations, c => c.SourceId == shipped);
    }

    [Fact]
    public async Task A_hidden_list_survives_a_restart()
    {
        var shipped = await ShippedSourceAnsweringAsync();
        await Registry.HideAsync(shipped, RegistryHarness.Moderator("slack:T9"), None);
        var dataPath = _harness.DataPath;
        var json = await File.ReadAllTextAsync(Path.Combine(dataPath, "hidden-sources.json"));
        Assert.Equal($"{{\"slack:T9\":[\"{shipped}\"]}}", json);

        using var restarted = RegistryHarness.Create(dataPath: Path.Combine(dataPath));

        Assert.DoesNotContain((await restarted.AskAsync(ShippedQuestion, "slack:T9")).Citations, c => c.SourceId == shipped);
    }

    [Fact]
    public async Task Hiding_another_communitys_source_is_not_found()
    {
        var id = await AddLighthouseAsync(RegistryHarness.Moderator("discord:200"));

        var result = await Registry.HideAsync(id, RegistryHarness.Moderator("discord:100"), None);

        Assert.Equal((SourceOutcome.NotFound, "There is no source storm-log here."), (result.Outcome, result.Message));
        Assert.False(File.Exists(Path.Combine(_harness.DataPath, "hidden-sources.json")));
    }

    [Fact]
    public async Task The_list_shows_a_communitys_library_page_by_page()
    {
        var id = await AddLighthouseAsync(RegistryHarness.Moderator("discord:100"));
        await Registry.AddAsync(new SourceAddRequest(new SourceInput.FromText(TestDocuments.Topic(3)), new SourceMetadata(Title: "Orchard")), RegistryHarness.Moderator("discord:200"), None);

        var first = await Registry.ListAsync("discord:100", 1, 2, None);
        var second = await Registry.ListAsync("discord:100", 2, 2, None);
        var global = await Registry.ListAsync(null, 1, 50, None);

        Assert.Equal((3, 2, 1), (first.Total, first.PageCount, first.Page));
        Assert.Equal(2, first.Items.Count);
        var added = Assert.Single(second.Items);
        Assert.Equal((id, "Storm log", "Harbour Museum", "discord:u-mod (Mod u-mod)", false, "discord:100"), (added.Id, added.Title, added.Publisher, added.AddedBy, added.IsShipped, added.CommunityId));
        Assert.Equal(RegistryHarness.Start, added.AddedAt);
        Assert.True(added.Passages >= 1);
        Assert.All(first.Items, s => Assert.True(s.IsShipped && s.Passages > 0));
        Assert.Equal(2, global.Total);
        Assert.Equal(2, (await Registry.ListAsync("discord:100", 99, 2, None)).Page);
    }

    [Fact]
    public async Task Show_gives_metadata_and_first_lines_inside_the_community_only()
    {
        var id = await AddLighthouseAsync(RegistryHarness.Moderator("discord:100"));

        var details = await Registry.ShowAsync(id, "discord:100", None);
        var elsewhere = await Registry.ShowAsync(id, "discord:200", None);
        var badId = await Registry.ShowAsync("../x", "discord:100", None);

        Assert.NotNull(details);
        Assert.Equal("Storm log", details.Summary.Title);
        Assert.StartsWith("The Skerryvore lighthouse keeper Marguerite Oyelaran kept a weather log", details.FirstLines, StringComparison.Ordinal);
        Assert.Null(elsewhere);
        Assert.Null(badId);
    }

    [Fact]
    public async Task The_audit_log_is_append_only_json_lines_filtered_by_community()
    {
        await AddLighthouseAsync(RegistryHarness.Moderator("discord:100"));
        await Registry.RemoveAsync("nothing-here", RegistryHarness.Moderator("slack:T1"), None);
        await Registry.AddAsync(new SourceAddRequest(new SourceInput.FromText(""), new SourceMetadata()), Requester.Cli("alice"), None);

        var lines = await File.ReadAllLinesAsync(Path.Combine(_harness.DataPath, "audit.jsonl"));
        Assert.Equal(3, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(
            ["at", "platform", "userId", "displayName", "communityId", "channelId", "action", "sourceId", "outcome", "detail"],
            first.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-11-23T12:00:00+00:00", first.RootElement.GetProperty("at").GetString());

        Assert.Equal(["add"], (await Registry.ReadAuditAsync("discord:100", 10, None)).Select(e => e.Action));
        Assert.Equal(["remove"], (await Registry.ReadAuditAsync("slack:T1", 10, None)).Select(e => e.Action));
        Assert.Equal(["remove", "add"], (await Registry.ReadAuditAsync(null, 2, None)).Select(e => e.Action));

        // A torn last line (a crash mid-append) is skipped, not fatal.
        await File.AppendAllTextAsync(Path.Combine(_harness.DataPath, "audit.jsonl"), "{\"at\":\"2026-");
        Assert.Equal(3, (await Registry.ReadAuditAsync(null, 10, None)).Count);
    }
}
