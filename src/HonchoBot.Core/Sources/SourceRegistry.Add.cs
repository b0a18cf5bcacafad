using System.Globalization;
using HonchoBot.Core.Corpus;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Core.Sources;

// Adding a source: refuse a known URL → extract and validate (SourceInputReader.cs) → refuse the same
// text → stage → index → audit → publish. The audit line is the commit point: a crash before it is rolled back
// at the next start, a crash after it completed then (SourceRegistry.Recovery.cs).
public sealed partial class SourceRegistry
{
    public async Task<SourceResult> AddAsync(SourceAddRequest request, Requester requester, CancellationToken cancellationToken)
    {
        const string action = "add";
        var input = Describe(request.Input);
        if (!requester.IsModerator)
        {
            return await FinishAsync(requester, action, null, new SourceResult(SourceOutcome.NotModerator, "Only moderators can add sources."), input);
        }

        try
        {
            if (LockedResult() is { } locked)
            {
                return await FinishAsync(requester, action, null, locked, input);
            }

            await EnsureRecoveredAsync(cancellationToken);

            // A URL already in the library is refused before it is fetched (checked again under the write gate).
            if (request.Input is SourceInput.FromUrl fromUrl && await FindSameUrlAsync(fromUrl.Url, requester.CommunityId, cancellationToken) is { } known)
            {
                return await FinishAsync(requester, action, null, known, input);
            }

            var (extracted, fetchedUrl, refusal) = await Input.ExtractAsync(request.Input, cancellationToken);
            if (refusal is not null)
            {
                return await FinishAsync(requester, action, null, refusal, input);
            }

            var (draft, error) = Input.BuildInfo(extracted!, fetchedUrl, request.Metadata, requester);
            if (draft is null)
            {
                return await FinishAsync(requester, action, null, new SourceResult(SourceOutcome.Invalid, error!), input);
            }

            // The locked part audits its own outcome: a new source is audited before it is published.
            return await UnderWriteGateAsync(() => AddLockedAsync(draft, extracted!.Blocks, requester, input, cancellationToken), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return await UnexpectedAsync(ex, requester, action, null, input, "adding the source");
        }
    }

    private async Task<SourceResult> AddLockedAsync(SourceInfo draft, IReadOnlyList<SourceBlock> blocks, Requester requester, string input, CancellationToken cancellationToken)
    {
        const string action = "add";
        if (await FindSameUrlAsync(draft.Url, requester.CommunityId, cancellationToken) is { } sameUrl)
        {
            return await FinishAsync(requester, action, null, sameUrl, input);
        }

        var existing = await VisibleSourcesAsync(requester.CommunityId, cancellationToken);

        var fingerprint = SourceFingerprint.OfText(blocks);
        if (existing.FirstOrDefault(d => FingerprintOf(d) == fingerprint) is { } sameText)
        {
            var duplicate = new SourceResult(SourceOutcome.Duplicate, $"The same text is already in the library as {sameText.Info.Id} (\"{sameText.Info.Title}\").");
            return await FinishAsync(requester, action, null, duplicate, input);
        }

        if (draft.Id.Length > 0 && IsIdTaken(draft.Id))
        {
            return await FinishAsync(requester, action, null, new SourceResult(SourceOutcome.Invalid, $"The id {draft.Id} is already in use; choose another."), input);
        }

        var info = draft.Id.Length > 0 ? draft : draft with { Id = NewId(draft.Title) };

        // From here on the change completes whatever the caller does: a half-made add helps no one.
        var document = await store.StageAsync(info, blocks, CancellationToken.None);
        var passages = coordinator.IndexFollowsChangeLog ? PassageChunker.Count(document) : await IndexStagedAsync(document);
        _passageCounts[document.ContentHash] = passages;
        var result = new SourceResult(
            SourceOutcome.Done,
            $"Added \"{info.Title}\" as {info.Id} ({passages} {(passages == 1 ? "passage" : "passages")}).",
            Summarize(document, passages, isHidden: false));
        if (coordinator.IndexFollowsChangeLog)
        {
            await PublishInTransactionAsync(info.Id, requester, action, result, input);
        }
        else
        {
            await AuditThenPublishAsync(info.Id, requester, action, result, input);
        }

        LogAdded(logger, info.Id, passages, requester.Platform, requester.UserId);
        return result;
    }

    /// <summary>Files mode: the index takes the staged source first; if it cannot, the staged file goes too.</summary>
    private async Task<int> IndexStagedAsync(SourceDocument document)
    {
        try
        {
            return indexHost.Require().Upsert(document);
        }
        catch
        {
            // Keep the library consistent with what is reported: the add failed, so its file goes too.
            await store.DiscardAsync(document.Info.Id, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Files mode: audited, then published. A crash between the two is completed at the next start; one before the
    /// audit leaves the source staged, out of the library, and the next start rolls it back.
    /// </summary>
    private async Task AuditThenPublishAsync(string sourceId, Requester requester, string action, SourceResult result, string input)
    {
        await FinishAsync(requester, action, sourceId, result, input);
        try
        {
            await store.PublishAsync(sourceId, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Audited and indexed: the next start publishes it (the file is still staged), so "added" stays true.
            LogPublishDeferred(logger, ex, sourceId);
        }
    }

    /// <summary>
    /// Postgres mode: the audit entry, the publish and its change-log entry commit in one transaction, so "added"
    /// is true exactly when it commits; every replica's index then follows the change log. If the commit fails the
    /// staged row is discarded and the failure propagates (audited as failed by the caller).
    /// </summary>
    private async Task PublishInTransactionAsync(string sourceId, Requester requester, string action, SourceResult result, string input)
    {
        try
        {
            await using var transaction = coordinator.BeginTransaction();
            await FinishAsync(requester, action, sourceId, result, input);
            if (!await store.PublishAsync(sourceId, CancellationToken.None))
            {
                throw new InvalidOperationException($"the staged source {sourceId} was gone before it could be published");
            }

            await transaction.CommitAsync(CancellationToken.None);
        }
        catch
        {
            await store.DiscardAsync(sourceId, CancellationToken.None);
            throw;
        }
    }

    private async Task<SourceResult?> FindSameUrlAsync(string? url, string? communityId, CancellationToken cancellationToken)
    {
        if (SourceFingerprint.OfUrl(url) is not { } wanted)
        {
            return null;
        }

        var same = (await VisibleSourcesAsync(communityId, cancellationToken)).FirstOrDefault(d => SourceFingerprint.OfUrl(d.Info.Url) == wanted);
        return same is null ? null : new SourceResult(SourceOutcome.Duplicate, $"That URL is already in the library as {same.Info.Id} (\"{same.Info.Title}\").");
    }

    /// <summary>A fresh slug from the title; a taken one gets -2, -3….</summary>
    private string NewId(string title)
    {
        var stem = SourceIds.FromTitle(title);
        var candidate = stem;
        for (var n = 2; IsIdTaken(candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
        }

        return candidate;
    }

    /// <summary>Used by a shipped source, an indexed one, or one the store holds (added, staged or removed).</summary>
    private bool IsIdTaken(string id) =>
        Shipped().Documents.Any(d => d.Info.Id == id)
        || (!coordinator.IndexFollowsChangeLog && indexHost.Require().IndexedSources.ContainsKey(id))
        || store.IsIdTaken(id);

    private static string Describe(SourceInput input) => input switch
    {
        SourceInput.FromUrl url => $"url {url.Url}",
        SourceInput.FromFile file => string.Create(CultureInfo.InvariantCulture, $"file {Path.GetFileName(file.FileName)} ({file.Content.Length:N0} bytes)"),
        SourceInput.FromText text => string.Create(CultureInfo.InvariantCulture, $"text ({text.Text?.Length ?? 0:N0} characters)"),
        _ => "unknown input",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Source {SourceId} was added but could not be moved into the library yet; the next start completes it")]
    private static partial void LogPublishDeferred(ILogger logger, Exception exception, string sourceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {SourceId} added ({Passages} passages) by {Platform}:{UserId}")]
    private static partial void LogAdded(ILogger logger, string sourceId, int passages, string platform, string userId);
}
