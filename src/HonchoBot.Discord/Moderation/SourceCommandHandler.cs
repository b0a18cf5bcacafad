using System.Globalization;
using HonchoBot.Core.Curation;
using HonchoBot.Core.Sources;
using HonchoBot.Discord.Answering;
using HonchoBot.Discord.Interactions;
using HonchoBot.Discord.Rendering;
using HonchoBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;

namespace HonchoBot.Discord.Moderation;

/// <summary>
/// <c>/sources</c> (everyone) and <c>/source add|remove|hide|unhide|list|audit|gaps</c> (moderators). Changes go
/// through <see cref="ISourceRegistry"/>, the one write path, which re-checks
/// <see cref="Requester.IsModerator"/> and audits every decision — refusals included, so a non-moderator's
/// attempt is still handed to the registry (with IsModerator false) rather than refused silently here.
/// </summary>
internal sealed class SourceCommandHandler(
    InteractionWork work,
    ModeratorPolicy policy,
    AttachmentDownloader downloader,
    PendingSourceForms forms,
    IServiceScopeFactory scopes)
{
    public const string AddModalPrefix = "honcho:addsrc:";
    private const int PageSize = 10;

    public Task<InteractionResponse> HandleSourcesAsync(Interaction interaction, Task acknowledged, CancellationToken cancellationToken, int? page = null, bool isModeratorView = false) =>
        work.SubmitAsync(interaction, "discord /sources", ephemeral: true, acknowledged, async (services, ct) =>
        {
            var registry = services.GetRequiredService<ISourceRegistry>();
            var number = page ?? (int)Math.Clamp(interaction.IntegerOption("page") ?? 1, 1, 1000);
            var result = await registry.ListAsync(DiscordQuestionMapper.CommunityOf(interaction.GuildId), number, PageSize, ct);
            return SourceListRenderer.RenderPage(result, isModeratorView);
        }, cancellationToken);

    /// <summary>The "About [n]" button: a source's details as seen from this community, shown only to the clicker.</summary>
    public Task<InteractionResponse> HandleAboutAsync(Interaction interaction, string sourceId, Task acknowledged, CancellationToken cancellationToken) =>
        work.SubmitAsync(interaction, "discord about source", ephemeral: true, acknowledged, async (services, ct) =>
        {
            var registry = services.GetRequiredService<ISourceRegistry>();
            return SourceListRenderer.RenderDetails(await registry.ShowAsync(sourceId, DiscordQuestionMapper.CommunityOf(interaction.GuildId), ct));
        }, cancellationToken);

    public Task<InteractionResponse> HandleSourceAsync(Interaction interaction, Task acknowledged, CancellationToken cancellationToken)
    {
        if (interaction.GuildId is null)
        {
            return Task.FromResult(InteractionResponse.Ephemeral("Source commands work inside a server, not in DMs."));
        }

        var requester = policy.RequesterFor(interaction);
        var id = interaction.StringOption("id")?.Trim();
        return interaction.Subcommand?.Name switch
        {
            "add" => Add(interaction, requester, acknowledged, cancellationToken),
            "remove" when !string.IsNullOrEmpty(id) => Change(interaction, acknowledged, "discord /source remove", (r, ct) => r.RemoveAsync(id, requester, ct), cancellationToken),
            "hide" when !string.IsNullOrEmpty(id) => Change(interaction, acknowledged, "discord /source hide", (r, ct) => r.HideAsync(id, requester, ct), cancellationToken),
            "unhide" when !string.IsNullOrEmpty(id) => Change(interaction, acknowledged, "discord /source unhide", (r, ct) => r.UnhideAsync(id, requester, ct), cancellationToken),
            "remove" or "hide" or "unhide" => Task.FromResult(InteractionResponse.Ephemeral("Please give a source id; start typing and pick one from the list.")),
            "list" => requester.IsModerator
                ? HandleSourcesAsync(interaction, acknowledged, cancellationToken, isModeratorView: true)
                : Task.FromResult(NotModerator()),
            "audit" => requester.IsModerator ? Audit(interaction, acknowledged, cancellationToken) : Task.FromResult(NotModerator()),
            "gaps" => requester.IsModerator ? Gaps(interaction, acknowledged, cancellationToken) : Task.FromResult(NotModerator()),
            _ => Task.FromResult(InteractionResponse.Ephemeral("Unknown /source action. Try `/help`.")),
        };
    }

    public Task<InteractionResponse> HandleModalSubmitAsync(Interaction interaction, Task acknowledged, CancellationToken cancellationToken)
    {
        var key = interaction.CustomId![AddModalPrefix.Length..];
        var stored = forms.Take(key, interaction.User.Id) ?? new SourceMetadata();
        string? Field(string name) =>
            interaction.ModalValues.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var metadata = stored with
        {
            Title = Field("title") ?? stored.Title,
            Author = Field("author") ?? stored.Author,
            Publisher = Field("publisher") ?? stored.Publisher,
            Published = Field("published") ?? stored.Published,
        };
        var text = Field("text") ?? string.Empty;

        // Re-checked here too: the modal may be submitted after a role change.
        var requester = policy.RequesterFor(interaction);
        return Change(interaction, acknowledged, "discord /source add (text)",
            (r, ct) => r.AddAsync(new SourceAddRequest(new SourceInput.FromText(text), metadata), requester, ct), cancellationToken);
    }

    public async Task<InteractionResponse> AutocompleteAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var typed = interaction.FocusedOption?.Value?.ToString()?.Trim() ?? string.Empty;
        await using var scope = scopes.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<ISourceRegistry>();
        var page = await registry.ListAsync(DiscordQuestionMapper.CommunityOf(interaction.GuildId), 1, 100, cancellationToken);
        var choices = page.Items
            .Where(s => typed.Length == 0
                || s.Id.Contains(typed, StringComparison.OrdinalIgnoreCase)
                || s.Title.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .Take(25)
            .Select(s => new AutocompleteChoice(DiscordText.Truncate($"{s.Title} ({s.Id})", 100), s.Id.Length <= 100 ? s.Id : s.Id[..100]))
            .ToList();
        return InteractionResponse.Choices(choices);
    }

    private Task<InteractionResponse> Add(Interaction interaction, Requester requester, Task acknowledged, CancellationToken cancellationToken)
    {
        var url = interaction.StringOption("url")?.Trim();
        var fileId = interaction.StringOption("file");
        InteractionAttachment? file = fileId is not null && interaction.Attachments.TryGetValue(fileId, out var a) ? a : null;
        var metadata = new SourceMetadata(
            Title: interaction.StringOption("title")?.Trim(),
            Author: interaction.StringOption("author")?.Trim(),
            Publisher: interaction.StringOption("publisher")?.Trim(),
            Url: string.IsNullOrEmpty(url) ? null : url,
            Published: interaction.StringOption("published")?.Trim(),
            Notes: interaction.StringOption("notes")?.Trim());

        if (!string.IsNullOrEmpty(url) && file is not null)
        {
            return Task.FromResult(InteractionResponse.Ephemeral("Give either a `url` or a `file`, not both — or neither, to paste text."));
        }

        if (!requester.IsModerator)
        {
            // The registry refuses and audits; no download, no modal for a refused request.
            SourceInput refused = file is not null
                ? new SourceInput.FromFile(file.FileName, ReadOnlyMemory<byte>.Empty)
                : !string.IsNullOrEmpty(url) ? new SourceInput.FromUrl(url) : new SourceInput.FromText(string.Empty);
            return Change(interaction, acknowledged, "discord /source add (refused)",
                (r, ct) => r.AddAsync(new SourceAddRequest(refused, metadata), requester, ct), cancellationToken);
        }

        if (!string.IsNullOrEmpty(url))
        {
            return Change(interaction, acknowledged, "discord /source add (url)",
                (r, ct) => r.AddAsync(new SourceAddRequest(new SourceInput.FromUrl(url), metadata), requester, ct), cancellationToken);
        }

        if (file is not null)
        {
            if (!downloader.IsTrusted(file.Url))
            {
                return Task.FromResult(InteractionResponse.Ephemeral("That attachment link is not on Discord's CDN, so I won't fetch it. Please upload the file again."));
            }

            return work.SubmitAsync(interaction, "discord /source add (file)", ephemeral: true, acknowledged, async (services, ct) =>
            {
                var (content, problem) = await downloader.DownloadAsync(file.Url, file.Size, ct);
                if (content is null)
                {
                    return DiscordMessage.Text("❌ " + problem);
                }

                var registry = services.GetRequiredService<ISourceRegistry>();
                var result = await registry.AddAsync(new SourceAddRequest(new SourceInput.FromFile(file.FileName, content), metadata), policy.RequesterFor(interaction), ct);
                return ResultMessage(result);
            }, cancellationToken);
        }

        var key = forms.Store(metadata, interaction.User.Id);
        return Task.FromResult(InteractionResponse.ModalResponse(new ModalData(
            AddModalPrefix + key,
            "Add a source",
            [
                new ActionRow([Component.TextInput("text", "Text of the source", isParagraph: true, required: true, maxLength: 4000)]),
                new ActionRow([Component.TextInput("title", "Title", isParagraph: false, required: false, maxLength: 300, value: metadata.Title)]),
                new ActionRow([Component.TextInput("author", "Author", isParagraph: false, required: false, maxLength: 200, value: metadata.Author)]),
                new ActionRow([Component.TextInput("publisher", "Publisher", isParagraph: false, required: false, maxLength: 200, value: metadata.Publisher)]),
                new ActionRow([Component.TextInput("published", "Published (YYYY, YYYY-MM or YYYY-MM-DD)", isParagraph: false, required: false, maxLength: 10, value: metadata.Published)]),
            ])));
    }

    private Task<InteractionResponse> Audit(Interaction interaction, Task acknowledged, CancellationToken cancellationToken) =>
        work.SubmitAsync(interaction, "discord /source audit", ephemeral: true, acknowledged, async (services, ct) =>
        {
            var registry = services.GetRequiredService<ISourceRegistry>();
            var count = (int)Math.Clamp(interaction.IntegerOption("count") ?? 10, 1, 25);
            var entries = await registry.ReadAuditAsync(DiscordQuestionMapper.CommunityOf(interaction.GuildId), count, ct);
            return SourceListRenderer.RenderAudit(entries);
        }, cancellationToken);

    private Task<InteractionResponse> Gaps(Interaction interaction, Task acknowledged, CancellationToken cancellationToken) =>
        work.SubmitAsync(interaction, "discord /source gaps", ephemeral: true, acknowledged, async (services, ct) =>
        {
            var days = (int)Math.Clamp(interaction.IntegerOption("days") ?? 30, 1, 3650);
            var report = await services.GetRequiredService<GapFinder>().FindAsync(days, DiscordQuestionMapper.CommunityOf(interaction.GuildId), GapsRenderer.MaxGroups, ct);
            return GapsRenderer.Render(report);
        }, cancellationToken);

    private Task<InteractionResponse> Change(Interaction interaction, Task acknowledged, string description, Func<ISourceRegistry, CancellationToken, Task<SourceResult>> change, CancellationToken cancellationToken) =>
        work.SubmitAsync(interaction, description, ephemeral: true, acknowledged, async (services, ct) =>
            ResultMessage(await change(services.GetRequiredService<ISourceRegistry>(), ct)), cancellationToken);

    private static InteractionResponse NotModerator() =>
        InteractionResponse.Ephemeral("Only moderators (Manage Server, or a configured moderator role) can do that.");

    internal static DiscordMessage ResultMessage(SourceResult result)
    {
        var icon = result.Outcome switch
        {
            SourceOutcome.Done => "✅",
            SourceOutcome.NotModerator or SourceOutcome.NotAllowed => "⛔",
            _ => "❌",
        };
        var text = result.Outcome == SourceOutcome.NotModerator
            ? "Only moderators (Manage Server, or a configured moderator role) can change sources."
            : DiscordText.Escape(result.Message);
        if (result.Source is { } s)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"\n`{s.Id.Replace("`", string.Empty, StringComparison.Ordinal)}` — {DiscordText.Escape(s.Title)} ({s.Passages} passages)");
        }

        return DiscordMessage.Text(DiscordText.Truncate($"{icon} {text}", DiscordLimits.Content));
    }
}
