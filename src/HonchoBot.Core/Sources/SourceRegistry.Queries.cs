using HonchoBot.Core.Corpus;

namespace HonchoBot.Core.Sources;

// Read-only views of the library for a community: a page of sources, one source in detail, the audit log.
public sealed partial class SourceRegistry
{
    public async Task<SourcePage> ListAsync(string? communityId, int page, int pageSize, CancellationToken cancellationToken)
    {
        await EnsureRecoveredAsync(cancellationToken);
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

        await EnsureRecoveredAsync(cancellationToken);
        var source = (await VisibleSourcesAsync(communityId, cancellationToken)).FirstOrDefault(d => d.Info.Id == sourceId);
        if (source is null)
        {
            return null;
        }

        SourceDocument document;
        try
        {
            document = source.Load();
        }
        catch (IOException)
        {
            // Changed or removed on disk since the library was listed.
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

        var summary = Summarize(document, PassageCount(source), hidden.HiddenIn(communityId).Contains(sourceId));
        return new SourceDetails(summary, document.Info.Author, document.Info.Notes, string.Join("\n\n", lines));
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(string? communityId, int max, CancellationToken cancellationToken) =>
        audit.ReadAsync(communityId, max, cancellationToken);
}
