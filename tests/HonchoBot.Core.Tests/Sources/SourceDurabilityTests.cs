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

    [Fact]
    public async Task A_crash_between_writing_the_file_and_indexing_it_is_repaired_at_the_next_start()
    {
        using (var before = RegistryHarness.Create(_dataPath))
        {
            // Exactly the registry's first durable step, then the process "dies" before PassageIndex.Upsert.
            var blocks = TextNormalizer.SplitParagraphs(TextNormalizer.Normalize(TestDocuments.Lighthouse)).Select((t, i) => new SourceBlock(t, $"¶{i + 1}")).ToList();
            await before.Store.WriteAsync(new SourceInfo("storm-log", "Storm log", AddedBy: "cli:alice"), blocks, None);
            Assert.DoesNotContain("storm-log", before.IndexHost.Require().IndexedSources.Keys);

            // A temp file from an interrupted write must not confuse the next start either.
            await File.WriteAllTextAsync(Path.Combine(before.SourcesPath, ".half-written.0123.tmp"), "---\ntitle: \"cut");
        }

        using var after = RegistryHarness.Create(_dataPath);

        Assert.Contains("storm-log", after.IndexHost.Require().IndexedSources.Keys);
        var answer = await after.AskAsync(TestDocuments.LighthouseQuestion);
        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Equal("storm-log", answer.Citations[0].SourceId);
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
