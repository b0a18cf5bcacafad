using HonchoBot.Core.Answers;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Sources;
using HonchoBot.Core.Tests.TestSupport;

namespace HonchoBot.Core.Tests.Sources;

/// <summary>Crashes, restarts and a second process: the Markdown files stay the source of truth.</summary>
public sealed class SourceDurabilityTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _dataPath = RegistryHarness.NewDataPath();

    public void Dispose() => RegistryHarness.DeleteData(_dataPath);

    private static SourceAddRequest Lighthouse() =>
        new(new SourceInput.FromText(TestDocuments.Lighthouse), new SourceMetadata(Title: "Storm log"));

    private static List<SourceBlock> LighthouseBlocks() =>
        TextNormalizer.SplitParagraphs(TextNormalizer.Normalize(TestDocuments.Lighthouse)).Select((t, i) => new SourceBlock(t, $"¶{i + 1}")).ToList();

    /// <summary>The registry's steps up to the crash: stage, then (optionally) index, then (optionally) audit.</summary>
    private static async Task CrashDuringAddAsync(RegistryHarness before, bool indexed, bool audited)
    {
        var document = await before.Store.StageAsync(new SourceInfo("storm-log", "Storm log", AddedBy: "cli:alice"), LighthouseBlocks(), None);
        if (indexed)
        {
            before.IndexHost.Require().Upsert(document);
        }

        if (audited)
        {
            await before.Audit.AppendAsync(new AuditEntry(RegistryHarness.Start, "cli", "alice", "alice", null, null, "add", "storm-log", "done", "text"), None);
        }

        // A temp file from an interrupted staging must not confuse the next start either.
        await File.WriteAllTextAsync(Path.Combine(before.SourcesPath, ".pending", ".half-written.0123.tmp"), "---\ntitle: \"cut");
    }

    [Theory]
    [InlineData(false)] // killed before the index commit
    [InlineData(true)] // killed after the index commit, before the audit line
    public async Task An_add_killed_before_its_audit_line_is_rolled_back_at_the_next_start_and_audited(bool indexed)
    {
        using (var before = RegistryHarness.Create(_dataPath))
        {
            await CrashDuringAddAsync(before, indexed, audited: false);
        }

        using var after = RegistryHarness.Create(_dataPath);

        // Never in the library, not even for the moment before recovery runs.
        Assert.DoesNotContain("storm-log", after.IndexHost.Require().IndexedSources.Keys);
        Assert.Equal(new RecoveryReport(0, 1), await after.Registry.RecoverAsync(None));
        Assert.DoesNotContain((await after.Registry.ListAsync(null, 1, 100, None)).Items, s => s.Id == "storm-log");
        Assert.DoesNotContain((await after.AskAsync(TestDocuments.LighthouseQuestion)).Citations, c => c.SourceId == "storm-log");
        var entry = await after.LastAuditAsync();
        Assert.Equal(("add", "storm-log", "rolled_back"), (entry.Action, entry.SourceId, entry.Outcome));
        Assert.Contains("cli:alice", entry.Detail, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(after.SourcesPath, ".removed"), "storm-log.*.md"));
        Assert.Empty(Directory.GetFiles(Path.Combine(after.SourcesPath, ".pending")));
    }

    [Fact]
    public async Task An_add_killed_after_its_audit_line_is_completed_at_the_next_start_and_audited_as_recovered()
    {
        using (var before = RegistryHarness.Create(_dataPath))
        {
            await CrashDuringAddAsync(before, indexed: true, audited: true);
        }

        using var after = RegistryHarness.Create(_dataPath);

        Assert.Equal(new RecoveryReport(1, 0), await after.Registry.RecoverAsync(None));
        Assert.Contains((await after.Registry.ListAsync(null, 1, 100, None)).Items, s => s.Id == "storm-log");
        Assert.Equal("storm-log", (await after.AskAsync(TestDocuments.LighthouseQuestion)).Citations[0].SourceId);
        var entry = await after.LastAuditAsync();
        Assert.Equal(("add", "storm-log", "recovered"), (entry.Action, entry.SourceId, entry.Outcome));
        Assert.Empty(Directory.GetFiles(Path.Combine(after.SourcesPath, ".pending")));
    }

    [Fact]
    public async Task Recovery_runs_by_itself_before_the_first_change_after_a_start()
    {
        using (var before = RegistryHarness.Create(_dataPath))
        {
            await CrashDuringAddAsync(before, indexed: true, audited: false);
        }

        using var after = RegistryHarness.Create(_dataPath);
        var added = await after.Registry.AddAsync(new SourceAddRequest(new SourceInput.FromText(TestDocuments.Topic(1)), new SourceMetadata(Title: "Orchard")), Requester.Cli("bob"), None);

        Assert.True(added.IsDone);
        var entries = await after.Registry.ReadAuditAsync(null, 2, None);
        Assert.Equal([("storm-log", "rolled_back"), ("orchard", "done")], entries.Select(e => (e.SourceId, e.Outcome)));
    }

    [Fact]
    public async Task A_process_that_does_not_own_the_index_leaves_staged_sources_alone()
    {
        using var owner = RegistryHarness.Create(_dataPath);
        await owner.Store.StageAsync(new SourceInfo("storm-log", "Storm log", AddedBy: "cli:alice"), LighthouseBlocks(), None);
        using var second = RegistryHarness.Create(_dataPath);

        Assert.Equal(RecoveryReport.None, await second.Registry.RecoverAsync(None));
        Assert.True(File.Exists(Path.Combine(owner.SourcesPath, ".pending", "storm-log.md")));
    }

    [Fact]
    public async Task An_index_entry_whose_file_is_gone_is_removed_at_the_next_start()
    {
        using (var before = RegistryHarness.Create(_dataPath))
        {
            Assert.True((await before.Registry.AddAsync(Lighthouse(), Requester.Cli("alice"), None)).IsDone);
            File.Delete(Path.Combine(before.SourcesPath, "storm-log.md"));
        }

        using var after = RegistryHarness.Create(_dataPath);

        Assert.DoesNotContain("storm-log", after.IndexHost.Require().IndexedSources.Keys);
        Assert.DoesNotContain((await after.AskAsync(TestDocuments.LighthouseQuestion)).Citations, c => c.SourceId == "storm-log");
    }

    [Fact]
    public async Task A_source_added_in_one_process_is_answered_by_the_next_and_a_removal_sticks()
    {
        using (var first = RegistryHarness.Create(_dataPath))
        {
            Assert.True((await first.Registry.AddAsync(Lighthouse(), Requester.Cli("alice"), None)).IsDone);
        }

        using (var second = RegistryHarness.Create(_dataPath))
        {
            Assert.Equal("storm-log", (await second.AskAsync(TestDocuments.LighthouseQuestion)).Citations[0].SourceId);
            Assert.True((await second.Registry.RemoveAsync("storm-log", Requester.Cli("alice"), None)).IsDone);
        }

        using var third = RegistryHarness.Create(_dataPath);
        Assert.DoesNotContain((await third.AskAsync(TestDocuments.LighthouseQuestion)).Citations, c => c.SourceId == "storm-log");
    }

    [Fact]
    public async Task While_another_process_owns_the_index_changes_are_refused_as_locked_before_anything_is_written()
    {
        using var owner = RegistryHarness.Create(_dataPath);
        Assert.True((await owner.Registry.AddAsync(new SourceAddRequest(new SourceInput.FromText(TestDocuments.Topic(1)), new SourceMetadata(Title: "Orchard")), Requester.Cli("alice"), None)).IsDone);
        using var second = RegistryHarness.Create(_dataPath);

        var add = await second.Registry.AddAsync(Lighthouse(), Requester.Cli("bob"), None);
        var remove = await second.Registry.RemoveAsync("orchard", Requester.Cli("bob"), None);

        Assert.Equal(SourceOutcome.Locked, add.Outcome);
        Assert.StartsWith("The library cannot be changed from here: the index is owned by process ", add.Message, StringComparison.Ordinal);
        Assert.Equal(SourceOutcome.Locked, remove.Outcome);
        Assert.False(File.Exists(Path.Combine(second.SourcesPath, "storm-log.md")));
        Assert.True(File.Exists(Path.Combine(second.SourcesPath, "orchard.md")));
        var entries = await second.Registry.ReadAuditAsync(null, 2, None);
        Assert.Equal([("add", "locked", "bob"), ("remove", "locked", "bob")], entries.Select(e => (e.Action, e.Outcome, e.UserId)));

        // The read-only process still answers from the owner's last commit.
        Assert.Equal(AnswerStatus.Answered, (await second.AskAsync("How many quince trees did Ilse Varnhagen-1 plant?")).Status);
    }
}
