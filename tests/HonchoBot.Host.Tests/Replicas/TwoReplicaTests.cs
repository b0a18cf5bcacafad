using System.Globalization;
using System.Text.RegularExpressions;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Sources;
using HonchoBot.Host.Tests.Cli;
using HonchoBot.Host.Tests.Serve;
using HonchoBot.Store.Postgres;
using HonchoBot.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace HonchoBot.Host.Tests.Replicas;

/// <summary>
/// Two <c>honcho serve</c> processes, each with its own data directory and index, on one throwaway PostgreSQL
/// store: what one replica or the CLI changes reaches the other through the change log, and a replica catching up
/// resumes from the last batch it committed.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed partial class TwoReplicaTests(PostgresCluster cluster)
{
    private const string ProbeId = "ferry-timetable-note";

    // Our own words, with a made-up name no corpus passage has, so the answer can only cite this source.
    private const string ProbeText =
        "The Zelkovo radar trial at Antung airfield in 1952 gave the MiG-15 regiments early warning of Sabre patrols. " +
        "Soviet engineers ran the Zelkovo trial for six weeks before the sets were moved north of the Yalu.";

    private const string ProbeQuestion = "/api/ask?q=What%20was%20the%20Zelkovo%20radar%20trial%20at%20Antung%3F";

    [Fact]
    public async Task A_source_added_through_the_CLI_reaches_the_other_replica_and_its_removal_does_too()
    {
        var database = cluster.CreateDatabase();
        await using var first = new ReplicaProcess(database);
        await using var second = new ReplicaProcess(database);
        first.Start();
        second.Start();
        await Task.WhenAll(first.WaitUntilReadyAsync(), second.WaitUntilReadyAsync());
        Assert.Equal(404, await second.StatusOfAsync("/sources/" + ProbeId));

        using var operatorCli = new HonchoProcess();
        var add = await operatorCli.RunAsync(null, StoreSettings(database), "sources", "add", "--text", ProbeText, "--title", "Ferry timetable note", "--id", ProbeId, "--json");
        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Contains($"\"id\":\"{ProbeId}\"", add.Stdout, StringComparison.Ordinal);

        // Each replica's own index takes the source from the change log; its pages list what its index holds.
        await Wait.UntilAsync(async () => await second.StatusOfAsync("/sources/" + ProbeId) == 200, "the other replica to have the added source", onTimeout: () => second.Log);
        await Wait.UntilAsync(async () => await first.StatusOfAsync("/sources/" + ProbeId) == 200, "the first replica to have the added source", onTimeout: () => first.Log);
        Assert.Contains(second.Lines, l => l.Contains("Applied store changes up to", StringComparison.Ordinal) && l.Contains("1 sources indexed", StringComparison.Ordinal));
        Assert.Contains(ProbeId, await second.Client.GetStringAsync(ProbeQuestion), StringComparison.Ordinal);

        var remove = await operatorCli.RunAsync(null, StoreSettings(database), "sources", "remove", ProbeId);
        Assert.True(remove.ExitCode == 0, remove.ToString());
        await second.WaitForLineAsync(l => l.Contains("Applied store changes up to", StringComparison.Ordinal) && l.Contains("1 removed", StringComparison.Ordinal), "the other replica to drop the removed source from its index");
        await first.WaitForLineAsync(l => l.Contains("Applied store changes up to", StringComparison.Ordinal) && l.Contains("1 removed", StringComparison.Ordinal), "the first replica to drop the removed source from its index");
        Assert.Equal(404, await second.StatusOfAsync("/sources/" + ProbeId));
        Assert.DoesNotContain(ProbeId, await second.Client.GetStringAsync(ProbeQuestion), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replica_killed_during_catch_up_resumes_from_the_last_batch_it_committed()
    {
        const int seeded = 30;
        var database = cluster.CreateDatabase();
        await SeedAsync(database, seeded);

        // Two changes per commit, so the catch-up takes several commits and can be killed part-way.
        await using var replica = new ReplicaProcess(database, new Dictionary<string, string> { ["Store__CatchUpBatchSize"] = "2" });
        replica.Start();
        await replica.WaitForLineAsync(l => Applied().IsMatch(l), "a first batch of the catch-up to be committed");
        replica.Kill();
        var committed = replica.Lines.Select(l => Applied().Match(l)).Where(m => m.Success).Max(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.True(committed < seeded, $"the replica finished catching up ({committed} of {seeded}) before it was killed");

        var firstRun = replica.Lines.Count;
        replica.Start();
        await replica.WaitForLineAsync(l => l.Contains($"Caught up with the store at change {seeded} ", StringComparison.Ordinal), "the restarted replica to catch up");
        var resumed = replica.Lines.Skip(firstRun).Select(l => CatchingUp().Match(l)).First(m => m.Success);
        var from = long.Parse(resumed.Groups[1].Value, CultureInfo.InvariantCulture);

        // From the last batch it logged as committed, or the one it committed as it was killed: never from the start.
        Assert.InRange(from, committed, committed + 2);
        await replica.WaitUntilReadyAsync();
        Assert.Equal(200, await replica.StatusOfAsync("/sources/seeded-note-1"));
        Assert.Equal(200, await replica.StatusOfAsync($"/sources/seeded-note-{seeded}"));
    }

    [Fact]
    public async Task Two_replicas_starting_at_once_on_an_empty_store_migrate_it_once()
    {
        var database = cluster.CreateDatabase();
        await using var first = new ReplicaProcess(database);
        await using var second = new ReplicaProcess(database);
        first.Start();
        second.Start();
        await Task.WhenAll(first.WaitUntilReadyAsync(), second.WaitUntilReadyAsync());

        var both = first.Lines.Concat(second.Lines).ToList();
        Assert.Equal(1, both.Count(l => l.Contains("Applying store migration 1 ", StringComparison.Ordinal)));
        Assert.Equal(1, both.Count(l => l.Contains("Applying store migration 2 ", StringComparison.Ordinal)));
    }

    private static Dictionary<string, string> StoreSettings(string connectionString) => new(StringComparer.Ordinal)
    {
        ["Store__Provider"] = "postgres",
        ["Store__ConnectionString"] = connectionString,
    };

    /// <summary>Migrates the store and publishes <paramref name="count"/> short sources straight through it (one change each).</summary>
    private static async Task SeedAsync(string connectionString, int count)
    {
        await using var dataSource = PostgresDataSources.Create(new StoreOptions { Provider = StoreOptions.Postgres, ConnectionString = connectionString });
        await new PostgresMigrator(dataSource, TimeProvider.System, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var store = new PostgresSourceStore(dataSource, TimeProvider.System);
        for (var n = 1; n <= count; n++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"seeded-note-{n}");
            var info = new SourceInfo(id, string.Create(CultureInfo.InvariantCulture, $"Harbour log page {n}"), AddedBy: "test");
            var text = string.Create(CultureInfo.InvariantCulture, $"Page {n} of the harbour log: the pilot boat went out {n} times and the lamp was trimmed at dusk.");
            await store.StageAsync(info, [new SourceBlock(text, "¶1")], CancellationToken.None);
            Assert.True(await store.PublishAsync(id, CancellationToken.None));
        }
    }

    [GeneratedRegex(@"Applied store changes up to (\d+):")]
    private static partial Regex Applied();

    [GeneratedRegex(@"Catching up with the store from change (\d+)")]
    private static partial Regex CatchingUp();
}
