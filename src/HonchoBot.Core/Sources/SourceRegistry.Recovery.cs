using HonchoBot.Core.Corpus;
using HonchoBot.Core.Ingestion;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Core.Sources;

// After a crash: finishing or undoing the adds a killed process left staged (see ISourceStore). An add whose
// audit line was written is completed and audited "recovered"; one without it was never reported, so it is
// rolled back (its text kept in sources/.removed/) and audited "rolled_back". Either way, no source ends up in
// the library without an audit line that explains it.
public sealed partial class SourceRegistry
{
    private const string SystemPlatform = "system";
    private int _recovered;

    public async Task<RecoveryReport> RecoverAsync(CancellationToken cancellationToken)
    {
        // Postgres: an audited add is published in the same transaction, so nothing audited is ever left staged; a
        // staged row may be another replica's add under way, and one a crash left stays out of the library.
        if (coordinator.IndexFollowsChangeLog)
        {
            return RecoveryReport.None;
        }

        // Only the process that owns the index may: a staged source elsewhere may be an add still under way.
        if (indexHost.Current is not { IsWritable: true, ReadOnlyReason: null } index)
        {
            return RecoveryReport.None;
        }

        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            Volatile.Write(ref _recovered, 1);
            var staged = await store.LoadStagedAsync(cancellationToken);
            if (staged.Documents.Count == 0)
            {
                return RecoveryReport.None;
            }

            var audited = (await audit.ReadAsync(null, int.MaxValue, cancellationToken))
                .Where(e => e.Action == "add" && e.Outcome == OutcomeName(SourceOutcome.Done) && e.SourceId is not null)
                .Select(e => e.SourceId!)
                .ToHashSet(StringComparer.Ordinal);
            int completed = 0, rolledBack = 0;
            foreach (var document in staged.Documents)
            {
                if (audited.Contains(document.Info.Id))
                {
                    await CompleteAsync(index, document);
                    completed++;
                }
                else
                {
                    await RollBackAsync(index, document);
                    rolledBack++;
                }
            }

            return new RecoveryReport(completed, rolledBack);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Recovers once per process, before the first change or listing that can see the library.</summary>
    private async Task EnsureRecoveredAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _recovered) == 0)
        {
            await RecoverAsync(cancellationToken);
        }
    }

    private async Task CompleteAsync(Retrieval.PassageIndex index, SourceDocument document)
    {
        var id = document.Info.Id;
        await store.PublishAsync(id, CancellationToken.None);
        var passages = index.Upsert(document);
        _passageCounts[document.ContentHash] = passages;
        LogRecovered(logger, id, passages);
        await AuditRecoveryAsync(document, SourceOutcome.Recovered, "an add interrupted after it was confirmed was completed at start-up");
    }

    private async Task RollBackAsync(Retrieval.PassageIndex index, SourceDocument document)
    {
        var id = document.Info.Id;
        await store.DiscardAsync(id, CancellationToken.None);
        if (index.IndexedSources.ContainsKey(id))
        {
            index.Delete(id);
        }

        LogRolledBack(logger, id);
        await AuditRecoveryAsync(document, SourceOutcome.RolledBack, "an add interrupted before it was confirmed was undone at start-up; its text is in sources/.removed/");
    }

    private Task AuditRecoveryAsync(SourceDocument document, SourceOutcome outcome, string what)
    {
        var info = document.Info;
        var entry = new AuditEntry(time.GetUtcNow(), SystemPlatform, "recovery", "start-up recovery", info.CommunityId, null, "add", info.Id,
            OutcomeName(outcome), $"\"{Blocks.OneLine(info.Title)}\" added by {info.AddedBy ?? "?"}: {what}");
        metrics?.RecordSourceChange("add", entry.Outcome);
        return audit.AppendAsync(entry, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {SourceId}: an interrupted add was completed ({Passages} passages) and audited as recovered")]
    private static partial void LogRecovered(ILogger logger, string sourceId, int passages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {SourceId}: an interrupted add was rolled back and audited; its text is in sources/.removed/")]
    private static partial void LogRolledBack(ILogger logger, string sourceId);
}
