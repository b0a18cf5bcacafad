using HonchoBot.Core.Corpus;

namespace HonchoBot.Core.Sources;

// Changing a source already in the library: remove (own community only) and hide or unhide (per community).
public sealed partial class SourceRegistry
{
    public async Task<SourceResult> RemoveAsync(string sourceId, Requester requester, CancellationToken cancellationToken)
    {
        const string action = "remove";
        if (!requester.IsModerator)
        {
            return await FinishAsync(requester, action, SafeId(sourceId), new SourceResult(SourceOutcome.NotModerator, "Only moderators can remove sources."), null);
        }

        try
        {
            if (LockedResult() is { } locked)
            {
                return await FinishAsync(requester, action, SafeId(sourceId), locked, null);
            }

            await EnsureRecoveredAsync(cancellationToken);

            // Postgres: the removal, its change-log entry and the audit entry commit together.
            return await UnderWriteGateAsync(() => InTransactionAsync(requester, action, sourceId, () => RemoveLockedAsync(sourceId, requester, cancellationToken)), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return await UnexpectedAsync(ex, requester, action, SafeId(sourceId), null, "removing the source");
        }
    }

    private async Task<SourceResult> RemoveLockedAsync(string sourceId, Requester requester, CancellationToken cancellationToken)
    {
        var (document, refusal) = await FindForChangeAsync(sourceId, requester, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (document!.Info.IsShipped)
        {
            return new SourceResult(SourceOutcome.NotAllowed, $"{sourceId} is a shipped source and cannot be removed; hide it instead.");
        }

        if (document.Info.CommunityId != requester.CommunityId)
        {
            return new SourceResult(SourceOutcome.NotAllowed, $"{sourceId} belongs to the global library and can only be removed by the operator; hide it instead.");
        }

        // Passages leave the index at once; the file is kept under .removed/ for recovery.
        if (!await store.RemoveAsync(sourceId, CancellationToken.None))
        {
            return NotFound(sourceId);
        }

        if (!coordinator.IndexFollowsChangeLog)
        {
            indexHost.Require().Delete(sourceId);
        }

        return new SourceResult(SourceOutcome.Done, $"Removed {sourceId} (\"{document.Info.Title}\"); an operator can recover it.", Summarize(document, PassageCount(document), isHidden: false));
    }

    public Task<SourceResult> HideAsync(string sourceId, Requester requester, CancellationToken cancellationToken) =>
        SetHiddenAsync(sourceId, requester, hide: true, cancellationToken);

    public Task<SourceResult> UnhideAsync(string sourceId, Requester requester, CancellationToken cancellationToken) =>
        SetHiddenAsync(sourceId, requester, hide: false, cancellationToken);

    private async Task<SourceResult> SetHiddenAsync(string sourceId, Requester requester, bool hide, CancellationToken cancellationToken)
    {
        var action = hide ? "hide" : "unhide";
        if (!requester.IsModerator)
        {
            return await FinishAsync(requester, action, SafeId(sourceId), new SourceResult(SourceOutcome.NotModerator, $"Only moderators can {action} sources."), null);
        }

        try
        {
            await EnsureRecoveredAsync(cancellationToken);
            return await UnderWriteGateAsync(() => InTransactionAsync(requester, action, sourceId, () => SetHiddenLockedAsync(sourceId, requester, hide, cancellationToken)), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return await UnexpectedAsync(ex, requester, action, SafeId(sourceId), null, $"{(hide ? "hiding" : "unhiding")} the source");
        }
    }

    private async Task<SourceResult> SetHiddenLockedAsync(string sourceId, Requester requester, bool hide, CancellationToken cancellationToken)
    {
        var (document, refusal) = await FindForChangeAsync(sourceId, requester, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var where = requester.CommunityId is null ? "everywhere" : "in this community";
        if (hide)
        {
            var changed = hidden.Set(requester.CommunityId, sourceId, hidden: true);
            var summary = Summarize(document!, PassageCount(document!), isHidden: true);
            return new SourceResult(SourceOutcome.Done, changed ? $"Hid {sourceId} {where}." : $"{sourceId} was already hidden {where}.", summary);
        }

        var shown = hidden.Set(requester.CommunityId, sourceId, hidden: false);
        if (!shown && requester.CommunityId is not null && hidden.IsHiddenBy(null, sourceId))
        {
            return new SourceResult(SourceOutcome.NotAllowed, $"{sourceId} is hidden by the operator for every community; only the operator can unhide it.");
        }

        // Like hiding twice, unhiding what is already visible reaches the state asked for: done, and says so.
        var stillHidden = hidden.HiddenIn(requester.CommunityId).Contains(sourceId);
        return new SourceResult(SourceOutcome.Done, shown ? $"{sourceId} is visible {where} again." : $"{sourceId} was not hidden {where}.", Summarize(document!, PassageCount(document!), stillHidden));
    }

    /// <summary>
    /// Runs a change and audits its outcome in one store transaction (postgres: the change, its change-log entry and
    /// the audit entry commit together; files: each is durable on its own). Called with the write gate held, so the
    /// gate is always taken before the store's lock.
    /// </summary>
    private async Task<SourceResult> InTransactionAsync(Requester requester, string action, string sourceId, Func<Task<SourceResult>> change)
    {
        await using var transaction = coordinator.BeginTransaction();
        var result = await change();
        var finished = await FinishAsync(requester, action, SafeId(sourceId), result, null);
        await transaction.CommitAsync(CancellationToken.None);
        return finished;
    }

    /// <summary>A source the requester may change: shipped or global ones, or their own community's.</summary>
    private async Task<(CorpusEntry? Document, SourceResult? Refusal)> FindForChangeAsync(string sourceId, Requester requester, CancellationToken cancellationToken)
    {
        if (!SourceIds.IsValid(sourceId ?? string.Empty))
        {
            return (null, NotFound(sourceId));
        }

        var document = (await VisibleSourcesAsync(requester.CommunityId, cancellationToken)).FirstOrDefault(d => d.Info.Id == sourceId);
        return document is null ? (null, NotFound(sourceId!)) : (document, null);
    }
}
