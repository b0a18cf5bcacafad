using System.Text.RegularExpressions;
using HonchoBot.Core.Corpus;
using HonchoBot.Core.Ingestion;
using HonchoBot.Core.Ingestion.Fetching;

namespace HonchoBot.Core.Sources;

/// <summary>
/// Reads what a moderator adds: the text of a URL (fetched only through the SSRF guard), a file or pasted text, and
/// the validated metadata for it. Every problem is a refusal the registry audits, never an exception.
/// </summary>
internal sealed partial class SourceInputReader(SourceExtractor extractor, UrlFetcher fetcher, TimeProvider time)
{
    /// <summary>Text and URL of the input, or the refusal. A URL is fetched only through the guard.</summary>
    public async Task<(ExtractedSource? Source, string? FetchedUrl, SourceResult? Refusal)> ExtractAsync(SourceInput input, CancellationToken cancellationToken)
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
    /// <remarks>The info's id is the one asked for (<c>--id</c>, else the front matter's), or empty: one is made later.</remarks>
    public (SourceInfo? Info, string? Error) BuildInfo(ExtractedSource extracted, string? fetchedUrl, SourceMetadata metadata, Requester requester)
    {
        var requestedId = Clean(metadata.Id) ?? Clean(extracted.Id);
        if (requestedId is not null && !SourceIds.IsValid(requestedId))
        {
            var shown = requestedId.Length > 80 ? requestedId[..80] + "…" : requestedId;
            return (null, $"\"{shown}\" is not a source id: use lowercase letters, digits and single dashes (at most 80 characters).");
        }

        var title = Clean(metadata.Title) ?? Clean(extracted.Title) ?? Blocks.TitleFrom(extracted.Blocks);
        if (title is null)
        {
            return (null, "The source needs a title.");
        }

        if (Clean(metadata.Title) is { Length: > SourceRegistry.MaxFieldLength })
        {
            return (null, $"The title is longer than {SourceRegistry.MaxFieldLength} characters.");
        }

        if (title.Length > SourceRegistry.MaxFieldLength)
        {
            title = title[..(SourceRegistry.MaxFieldLength - 1)] + "…";
        }

        foreach (var (name, value) in new[] { ("author", metadata.Author), ("publisher", metadata.Publisher) })
        {
            if (Clean(value) is { Length: > SourceRegistry.MaxFieldLength })
            {
                return (null, $"The {name} is longer than {SourceRegistry.MaxFieldLength} characters.");
            }
        }

        if (Clean(metadata.Notes) is { Length: > SourceRegistry.MaxNotesLength })
        {
            return (null, $"The notes are longer than {SourceRegistry.MaxNotesLength} characters.");
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
            Id: requestedId ?? string.Empty,
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

    /// <summary>One line of text, or null when nothing is left once control characters and spaces are gone.</summary>
    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) || Blocks.OneLine(value) is not { Length: > 0 } line ? null : line;

    private static string Capitalize(string message) =>
        message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..].TrimEnd('.');

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")]
    private static partial Regex PublishedDate();
}
