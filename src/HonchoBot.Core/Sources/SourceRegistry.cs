using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Ingestion;
using HonchoBot.Core.Ingestion.Fetching;
using HonchoBot.Core.Retrieval;
using HonchoBot.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Core.Sources;

/// <summary>
/// The one write path for sources (docs/architecture.md, "A source's path"): permission → extract → validate →
/// de-duplicate → store durably → index (commit + refresh) → audit → confirm. Changes are serialised
/// in this process, and the index owner lock keeps every other process read-only, so two adds never
/// interleave. Every outcome, refusals included, is appended to the audit log before it is returned.
/// </summary>
public sealed partial class SourceRegistry(
    IndexHost indexHost,
    ISourceStore store,
    IHiddenSources hidden,
    IAuditLog audit,
    IStoreCoordinator coordinator,
    SourceExtractor extractor,
    UrlFetcher fetcher,
    TimeProvider time,
    ILogger<SourceRegistry> logger,
    HonchoMetrics? metrics = null) : ISourceRegistry, IDisposable
{
    /// <summary>Longest title, author or publisher accepted.</summary>
    public const int MaxFieldLength = 300;

    /// <summary>Longest notes accepted.</summary>
    public const int MaxNotesLength = 2000;

    // The add path is in SourceRegistry.Add.cs (its input reading in SourceInputReader.cs), remove/hide/unhide in .Changes.cs
    // and list/show/audit in .Queries.cs. This file holds what they share: the visible sources, the write gate, the
    // audit record and the common refusals.

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentDictionary<string, int> _passageCounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _fingerprints = new(StringComparer.Ordinal);
    private CorpusLoad? _shipped;
    private SourceInputReader? _input;

    /// <summary>Reads and validates what a moderator adds.</summary>
    private SourceInputReader Input => _input ??= new SourceInputReader(extractor, fetcher, time);

    /// <summary>Shipped sources, global additions and the community's own additions.</summary>
    /// <remarks>Metadata only: a source's text is read when a change or a detail view needs it.</remarks>
    private async Task<List<CorpusEntry>> VisibleSourcesAsync(string? communityId, CancellationToken cancellationToken)
    {
        var added = await store.LoadAsync(cancellationToken);
        return [.. Shipped().Sources, .. added.Sources.Where(d => d.Info.CommunityId is null || d.Info.CommunityId == communityId)];
    }

    /// <summary>The shipped corpus is read-only at run time: loaded once.</summary>
    private CorpusLoad Shipped() => _shipped ??= CorpusLoader.Load(indexHost.CorpusPaths, null);

    private SourceResult? LockedResult()
    {
        if (coordinator.IndexFollowsChangeLog)
        {
            // The store transaction is the one writer: any process may change the library.
            return null;
        }

        var index = indexHost.Require();
        return index.IsWritable && index.ReadOnlyReason is null
            ? null
            : new SourceResult(SourceOutcome.Locked, $"The library cannot be changed from here: {index.ReadOnlyReason ?? "the index is read-only"}. Make the change through that process.");
    }

    /// <summary>The fingerprint of a source's text (cached by content), or empty when its file can no longer be read.</summary>
    private string FingerprintOf(CorpusEntry source) =>
        _fingerprints.GetOrAdd(source.ContentHash, _ =>
        {
            try
            {
                return SourceFingerprint.OfText(source.Load().Blocks);
            }
            catch (IOException)
            {
                return string.Empty;
            }
        });

    private int PassageCount(CorpusEntry source) =>
        _passageCounts.GetOrAdd(source.ContentHash, _ => source.Passages);

    private static SourceSummary Summarize(SourceDocument document, int passages, bool isHidden) =>
        Summarize(document.Info, passages, isHidden);

    private static SourceSummary Summarize(CorpusEntry source, int passages, bool isHidden) =>
        Summarize(source.Info, passages, isHidden);

    private static SourceSummary Summarize(SourceInfo info, int passages, bool isHidden)
    {
        return new SourceSummary(info.Id, info.Title, info.Publisher, info.Published, info.Url, info.AddedBy, info.AddedAt, passages, info.IsShipped, isHidden, info.CommunityId);
    }

    /// <summary>Runs a change with the write gate held: one change at a time in this process.</summary>
    private async Task<SourceResult> UnderWriteGateAsync(Func<Task<SourceResult>> change, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            return await change();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>An unexpected failure: logged with a reference the requester can quote, audited as failed.</summary>
    private Task<SourceResult> UnexpectedAsync(Exception exception, Requester requester, string action, string? sourceId, string? input, string doing)
    {
        var correlation = Guid.NewGuid().ToString("N")[..12];
        LogUnexpected(logger, exception, action, correlation);
        return FinishAsync(requester, action, sourceId, new SourceResult(SourceOutcome.Failed, $"Something went wrong while {doing} (ref {correlation})."), input);
    }

    private async Task<SourceResult> FinishAsync(Requester requester, string action, string? sourceId, SourceResult result, string? input)
    {
        var outcome = OutcomeName(result.Outcome);
        var detail = input is null ? result.Message : $"{input}: {result.Message}";
        var entry = new AuditEntry(time.GetUtcNow(), requester.Platform, requester.UserId, requester.DisplayName, requester.CommunityId, requester.ChannelId, action, sourceId, outcome, detail);

        // The record is written even when the caller has given up: refusals must be on file.
        await audit.AppendAsync(entry, CancellationToken.None);
        metrics?.RecordSourceChange(action, outcome);
        if (!result.IsDone)
        {
            LogRefused(logger, action, outcome, requester.Platform, requester.UserId, result.Message);
        }

        return result;
    }

    /// <summary>Snake case of the outcome, as written in the audit log.</summary>
    public static string OutcomeName(SourceOutcome outcome) =>
        SnakeCase().Replace(outcome.ToString(), "$1_$2").ToLowerInvariant();

    private static SourceResult NotFound(string? sourceId) =>
        new(SourceOutcome.NotFound, $"There is no source {(SourceIds.IsValid(sourceId ?? string.Empty) ? sourceId : "with that id")} here.");

    private static string? SafeId(string? sourceId) => SourceIds.IsValid(sourceId ?? string.Empty) ? sourceId : null;

    public void Dispose() => _writeGate.Dispose();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex SnakeCase();

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {Action} refused ({Outcome}) for {Platform}:{UserId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string action, string outcome, string platform, string userId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Source {Action} failed unexpectedly (ref {Correlation})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string action, string correlation);
}
