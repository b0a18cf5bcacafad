using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Ingestion;
using HonchoBot.Core.Ingestion.Fetching;
using HonchoBot.Core.Retrieval;
using HonchoBot.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Core.Sources;

/// <summary>
/// The one write path for sources (DESIGN.md "One write path"): permission → extract → validate →
/// de-duplicate → store durably → index (commit + refresh) → audit → confirm. Changes are serialised
/// in this process, and the index owner lock keeps every other process read-only, so two adds never
/// interleave. Every outcome, refusals included, is appended to the audit log before it is returned.
/// </summary>
public sealed partial class SourceRegistry(
    IndexHost indexHost,
    ISourceStore store,
    HiddenSourceList hidden,
    AuditLog audit,
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

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentDictionary<string, int> _passageCounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _fingerprints = new(StringComparer.Ordinal);
    private CorpusLoad? _shipped;

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

            // A URL already in the library is refused before it is fetched (checked again under the write gate).
            if (request.Input is SourceInput.FromUrl fromUrl && await FindSameUrlAsync(fromUrl.Url, requester.CommunityId, cancellationToken) is { } known)
            {
                return await FinishAsync(requester, action, null, known, input);
            }

            var (extracted, fetchedUrl, refusal) = await ExtractAsync(request.Input, cancellationToken);
            if (refusal is not null)
            {
                return await FinishAsync(requester, action, null, refusal, input);
            }

            var (draft, error) = BuildInfo(extracted!, fetchedUrl, request.Metadata, requester);
            if (draft is null)
            {
                return await FinishAsync(requester, action, null, new SourceResult(SourceOutcome.Invalid, error!), input);
            }

            var result = await UnderWriteGateAsync(() => AddLockedAsync(draft, extracted!.Blocks, requester, cancellationToken), cancellationToken);
            return await FinishAsync(requester, action, result.Source?.Id, result, input);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return await UnexpectedAsync(ex, requester, action, null, input, "adding the source");
        }
    }

    private async Task<SourceResult> AddLockedAsync(SourceInfo draft, IReadOnlyList<SourceBlock> blocks, Requester requester, CancellationToken cancellationToken)
    {
        if (await FindSameUrlAsync(draft.Url, requester.CommunityId, cancellationToken) is { } sameUrl)
        {
            return sameUrl;
        }

        var existing = await VisibleSourcesAsync(requester.CommunityId, cancellationToken);

        var fingerprint = SourceFingerprint.OfText(blocks);
        if (existing.FirstOrDefault(d => _fingerprints.GetOrAdd(d.ContentHash, _ => SourceFingerprint.OfText(d.Blocks)) == fingerprint) is { } sameText)
        {
            return new SourceResult(SourceOutcome.Duplicate, $"The same text is already in the library as {sameText.Info.Id} (\"{sameText.Info.Title}\").");
        }

        var info = draft with { Id = NewId(draft.Title) };

        // From here on the change completes whatever the caller does: a half-made add helps no one.
        var document = await store.WriteAsync(info, blocks, CancellationToken.None);
        int passages;
        try
        {
            passages = indexHost.Require().Upsert(document);
        }
        catch
        {
            // Keep the library consistent with what is reported: the add failed, so its file goes too.
            await store.RemoveAsync(info.Id, CancellationToken.None);
            throw;
        }

        _passageCounts[document.ContentHash] = passages;
        LogAdded(logger, info.Id, passages, requester.Platform, requester.UserId);
        return new SourceResult(
            SourceOutcome.Done,
            $"Added \"{info.Title}\" as {info.Id} ({passages} {(passages == 1 ? "passage" : "passages")}).",
            Summarize(document, passages, isHidden: false));
    }

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

            var result = await UnderWriteGateAsync(() => RemoveLockedAsync(sourceId, requester, cancellationToken), cancellationToken);
            return await FinishAsync(requester, action, SafeId(sourceId), result, null);
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

        indexHost.Require().Delete(sourceId);
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
            var result = await UnderWriteGateAsync(() => SetHiddenLockedAsync(sourceId, requester, hide, cancellationToken), cancellationToken);
            return await FinishAsync(requester, action, SafeId(sourceId), result, null);
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

        if (hidden.Set(requester.CommunityId, sourceId, hidden: false))
        {
            var stillHidden = hidden.HiddenIn(requester.CommunityId).Contains(sourceId);
            return new SourceResult(SourceOutcome.Done, $"{sourceId} is visible {where} again.", Summarize(document!, PassageCount(document!), stillHidden));
        }

        return requester.CommunityId is not null && hidden.IsHiddenBy(null, sourceId)
            ? new SourceResult(SourceOutcome.NotAllowed, $"{sourceId} is hidden by the operator for every community; only the operator can unhide it.")
            : new SourceResult(SourceOutcome.NotFound, $"{sourceId} is not hidden {where}.");
    }

    public async Task<SourcePage> ListAsync(string? communityId, int page, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        var hiddenIds = hidden.HiddenIn(communityId);
        var all = (await VisibleSourcesAsync(communityId, cancellationToken))
            .OrderBy(d => d.Info.Id, StringComparer.Ordinal)
            .ToList();
        var pageCount = Math.Max(1, (all.Count + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = all.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(d => Summarize(d, PassageCount(d), hiddenIds.Contains(d.Info.Id)))
            .ToList();
        return new SourcePage(items, page, pageCount, all.Count);
    }

    public async Task<SourceDetails?> ShowAsync(string sourceId, string? communityId, CancellationToken cancellationToken)
    {
        if (!SourceIds.IsValid(sourceId))
        {
            return null;
        }

        var document = (await VisibleSourcesAsync(communityId, cancellationToken)).FirstOrDefault(d => d.Info.Id == sourceId);
        if (document is null)
        {
            return null;
        }

        var lines = new List<string>();
        var length = 0;
        foreach (var block in document.Blocks)
        {
            if (length > 0 && length + block.Text.Length > 600)
            {
                break;
            }

            lines.Add(block.Text.Length > 600 ? block.Text[..600] + "…" : block.Text);
            length += block.Text.Length;
        }

        var summary = Summarize(document, PassageCount(document), hidden.HiddenIn(communityId).Contains(sourceId));
        return new SourceDetails(summary, document.Info.Author, document.Info.Notes, string.Join("\n\n", lines));
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string? communityId, int max, CancellationToken cancellationToken) =>
        audit.ReadAsync(communityId, max, cancellationToken);

    /// <summary>Text and URL of the input, or the refusal. A URL is fetched only through the guard.</summary>
    private async Task<(ExtractedSource? Source, string? FetchedUrl, SourceResult? Refusal)> ExtractAsync(SourceInput input, CancellationToken cancellationToken)
    {
        ExtractionResult extraction;
        string? fetchedUrl = null;
        switch (input)
        {
            case SourceInput.FromUrl fromUrl:
                var fetched = await fetcher.FetchAsync(fromUrl.Url, cancellationToken);
                if (fetched.Status != FetchStatus.Ok)
                {
                    var outcome = fetched.Status switch
                    {
                        FetchStatus.UnsafeUrl => SourceOutcome.UnsafeUrl,
                        FetchStatus.TooLarge => SourceOutcome.TooLarge,
                        FetchStatus.Invalid => SourceOutcome.Invalid,
                        _ => SourceOutcome.Failed,
                    };
                    return (null, null, new SourceResult(outcome, Capitalize(fetched.Message) + "."));
                }

                fetchedUrl = fromUrl.Url.Trim();

                // Parsing is CPU-bound (a 100-page PDF takes a second): keep it off the caller's thread.
                extraction = await Task.Run(() => extractor.Extract(fetched.Body, fetched.Kind, fetched.Charset), cancellationToken);
                break;
            case SourceInput.FromFile file:
                if (!ContentKinds.TryFromFileName(file.FileName, out var kind))
                {
                    return (null, null, new SourceResult(SourceOutcome.Invalid, $"Unknown file type; add {ContentKinds.Accepted} files."));
                }

                extraction = await Task.Run(() => extractor.Extract(file.Content, kind), cancellationToken);
                break;
            case SourceInput.FromText text:
                extraction = extractor.ExtractText(text.Text ?? string.Empty);
                break;
            default:
                return (null, null, new SourceResult(SourceOutcome.Invalid, "Nothing to add: give a URL, a file or text."));
        }

        if (extraction.Source is null)
        {
            var outcome = extraction.IsTooLarge ? SourceOutcome.TooLarge : SourceOutcome.Invalid;
            return (null, null, new SourceResult(outcome, Capitalize(extraction.Error ?? "the source could not be read") + "."));
        }

        return (extraction.Source, fetchedUrl, null);
    }

    /// <summary>Metadata the moderator gave wins over what the document says; all of it is validated.</summary>
    private (SourceInfo? Info, string? Error) BuildInfo(ExtractedSource extracted, string? fetchedUrl, SourceMetadata metadata, Requester requester)
    {
        var title = Clean(metadata.Title) ?? Clean(extracted.Title) ?? Blocks.TitleFrom(extracted.Blocks);
        if (title is null)
        {
            return (null, "The source needs a title.");
        }

        if (Clean(metadata.Title) is { Length: > MaxFieldLength })
        {
            return (null, $"The title is longer than {MaxFieldLength} characters.");
        }

        if (title.Length > MaxFieldLength)
        {
            title = title[..(MaxFieldLength - 1)] + "…";
        }

        foreach (var (name, value) in new[] { ("author", metadata.Author), ("publisher", metadata.Publisher) })
        {
            if (Clean(value) is { Length: > MaxFieldLength })
            {
                return (null, $"The {name} is longer than {MaxFieldLength} characters.");
            }
        }

        if (Clean(metadata.Notes) is { Length: > MaxNotesLength })
        {
            return (null, $"The notes are longer than {MaxNotesLength} characters.");
        }

        var published = Clean(metadata.Published);
        if (published is not null && !PublishedDate().IsMatch(published))
        {
            return (null, "The published date must be YYYY, YYYY-MM or YYYY-MM-DD.");
        }

        published ??= Clean(extracted.Published) is { } found && PublishedDate().IsMatch(found) ? found : null;
        var url = Clean(metadata.Url);
        if (url is not null && SourceFingerprint.OfUrl(url) is null)
        {
            return (null, "The url must be an absolute http:// or https:// address.");
        }

        url ??= fetchedUrl ?? (SourceFingerprint.OfUrl(extracted.Url) is not null ? Clean(extracted.Url) : null);
        var addedBy = requester.DisplayName == requester.UserId || string.IsNullOrWhiteSpace(requester.DisplayName)
            ? $"{requester.Platform}:{requester.UserId}"
            : $"{requester.Platform}:{requester.UserId} ({Blocks.OneLine(requester.DisplayName)})";
        var now = time.GetUtcNow();
        var info = new SourceInfo(
            Id: "pending",
            Title: title,
            Author: Clean(metadata.Author) ?? Clean(extracted.Author),
            Publisher: Clean(metadata.Publisher) ?? Clean(extracted.Publisher),
            Url: url,
            Published: published,
            Notes: Clean(metadata.Notes) ?? Clean(extracted.Notes),
            AddedBy: addedBy,
            CommunityId: requester.CommunityId,
            AddedAt: new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
        return (info, null);
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

    /// <summary>A fresh slug from the title; a taken one gets -2, -3… (ids are never user strings).</summary>
    private string NewId(string title)
    {
        var stem = SourceIds.FromTitle(title);
        var shippedIds = Shipped().Documents.Select(d => d.Info.Id).ToHashSet(StringComparer.Ordinal);
        var indexed = indexHost.Require().IndexedSources;
        var candidate = stem;
        for (var n = 2; shippedIds.Contains(candidate) || indexed.ContainsKey(candidate) || store.IsIdTaken(candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
        }

        return candidate;
    }

    /// <summary>A source the requester may change: shipped or global ones, or their own community's.</summary>
    private async Task<(SourceDocument? Document, SourceResult? Refusal)> FindForChangeAsync(string sourceId, Requester requester, CancellationToken cancellationToken)
    {
        if (!SourceIds.IsValid(sourceId ?? string.Empty))
        {
            return (null, NotFound(sourceId));
        }

        var document = (await VisibleSourcesAsync(requester.CommunityId, cancellationToken)).FirstOrDefault(d => d.Info.Id == sourceId);
        return document is null ? (null, NotFound(sourceId!)) : (document, null);
    }

    /// <summary>Shipped sources, global additions and the community's own additions.</summary>
    private async Task<List<SourceDocument>> VisibleSourcesAsync(string? communityId, CancellationToken cancellationToken)
    {
        var added = await store.LoadAsync(cancellationToken);
        return [.. Shipped().Documents, .. added.Documents.Where(d => d.Info.CommunityId is null || d.Info.CommunityId == communityId)];
    }

    /// <summary>The shipped corpus is read-only at run time: loaded once.</summary>
    private CorpusLoad Shipped() => _shipped ??= CorpusLoader.Load(indexHost.CorpusPaths, null);

    private SourceResult? LockedResult()
    {
        var index = indexHost.Require();
        return index.IsWritable && index.ReadOnlyReason is null
            ? null
            : new SourceResult(SourceOutcome.Locked, $"The library cannot be changed from here: {index.ReadOnlyReason ?? "the index is read-only"}. Make the change through that process.");
    }

    private int PassageCount(SourceDocument document) =>
        _passageCounts.GetOrAdd(document.ContentHash, _ => PassageChunker.Chunk(document).Count);

    private static SourceSummary Summarize(SourceDocument document, int passages, bool isHidden)
    {
        var info = document.Info;
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

    private static string Describe(SourceInput input) => input switch
    {
        SourceInput.FromUrl url => $"url {url.Url}",
        SourceInput.FromFile file => string.Create(CultureInfo.InvariantCulture, $"file {Path.GetFileName(file.FileName)} ({file.Content.Length:N0} bytes)"),
        SourceInput.FromText text => string.Create(CultureInfo.InvariantCulture, $"text ({text.Text?.Length ?? 0:N0} characters)"),
        _ => "unknown input",
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : Blocks.OneLine(value);

    private static string Capitalize(string message) =>
        message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..].TrimEnd('.');

    public void Dispose() => _writeGate.Dispose();

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")]
    private static partial Regex PublishedDate();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex SnakeCase();

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {SourceId} added ({Passages} passages) by {Platform}:{UserId}")]
    private static partial void LogAdded(ILogger logger, string sourceId, int passages, string platform, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {Action} refused ({Outcome}) for {Platform}:{UserId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string action, string outcome, string platform, string userId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Source {Action} failed unexpectedly (ref {Correlation})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string action, string correlation);
}
