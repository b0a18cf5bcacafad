using System.Globalization;
using HonchoBot.Core.Answers;
using HonchoBot.Discord.Answering;
using HonchoBot.Discord.Commands;
using HonchoBot.Discord.Feedback;
using HonchoBot.Discord.Interactions;
using HonchoBot.Discord.Moderation;
using HonchoBot.Discord.Rendering;
using HonchoBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HonchoBot.Discord.Routing;

/// <summary>
/// One router for interactions from both transports (gateway INTERACTION_CREATE and the HTTP endpoint).
/// It returns the initial response at once — inline for quick replies, a defer otherwise — and never
/// awaits answering: queued work waits for <c>acknowledged</c> (the initial response has reached Discord)
/// before it PATCHes <c>@original</c>.
/// </summary>
internal sealed partial class InteractionRouter(
    DiscordAsking asking,
    SourceCommandHandler sources,
    DiscordFeedback feedback,
    ModeratorPolicy policy,
    IDiscordRestClient rest,
    IOptions<DiscordOptions> options,
    ILogger<InteractionRouter> logger)
{
    public const string HelpText =
        "**HonchoBot** answers questions about the Soviet air war in Korea (MiG Alley, the \"honchos\", losses and claims) " +
        "with short excerpts quoted from its sources, each cited — and says when the sources disagree.\n\n" +
        "• `/ask question` — up to three cited excerpts, plus a note when sources disagree\n" +
        "• `/fact topic` — the single best excerpt\n" +
        "• `/sources` — what I know\n" +
        "• Mention me (`@HonchoBot your question`) or DM me\n" +
        "• Moderators: `/source add` (URL, file or pasted text), `remove`, `hide`, `unhide`, `list`, `audit`, and `gaps` (what I could not answer well)\n\n" +
        "Excerpts are verbatim; follow the links to read them in context. Tell us how an answer did with 👍 / 👎 under it. " +
        "The asker or a moderator can delete a reply with its Delete button.";

    public async Task<InteractionResponse> RouteAsync(Interaction interaction, Task acknowledged, CancellationToken cancellationToken)
    {
        // A button's id names its kind before the first ':'; what follows (an answer or asker id) stays out of the log.
        LogInteraction(logger, interaction.Id, interaction.Type, interaction.CommandName ?? interaction.CustomId?.Split(':')[0] ?? "-");
        switch (interaction.Type)
        {
            case Interaction.PingType:
                return InteractionResponse.PongResponse;
            case Interaction.ApplicationCommandType:
                return await RouteCommandAsync(interaction, acknowledged, cancellationToken);
            case Interaction.AutocompleteType:
                return await sources.AutocompleteAsync(interaction, cancellationToken);
            case Interaction.ModalSubmitType when interaction.CustomId?.StartsWith(SourceCommandHandler.AddModalPrefix, StringComparison.Ordinal) == true:
                return await sources.HandleModalSubmitAsync(interaction, acknowledged, cancellationToken);
            case Interaction.MessageComponentType:
                return await RouteComponentAsync(interaction, acknowledged, cancellationToken);
            default:
                return InteractionResponse.Ephemeral("I don't know how to handle that. Try `/help`.");
        }
    }

    private async Task<InteractionResponse> RouteCommandAsync(Interaction interaction, Task acknowledged, CancellationToken cancellationToken)
    {
        var name = interaction.CommandName;
        if (name is CommandCatalog.Ask or CommandCatalog.Fact && !IsAllowedChannel(interaction))
        {
            return InteractionResponse.Ephemeral("I only answer in this server's HonchoBot channels: " +
                string.Join(", ", options.Value.ChannelIds.Select(c => $"<#{c}>")));
        }

        return name switch
        {
            CommandCatalog.Ask => await asking.AskAsync(interaction, interaction.StringOption("question"), QuestionMode.Ask, acknowledged, cancellationToken),
            CommandCatalog.Fact => await asking.AskAsync(interaction, interaction.StringOption("topic"), QuestionMode.Fact, acknowledged, cancellationToken),
            CommandCatalog.Sources => await sources.HandleSourcesAsync(interaction, acknowledged, cancellationToken),
            CommandCatalog.Help => InteractionResponse.Message(DiscordMessage.Text(HelpText, ephemeral: true)),
            CommandCatalog.Source => await sources.HandleSourceAsync(interaction, acknowledged, cancellationToken),
            _ => InteractionResponse.Ephemeral("That command is not known to this version of HonchoBot. Try `/help`."),
        };
    }

    private async Task<InteractionResponse> RouteComponentAsync(Interaction interaction, Task acknowledged, CancellationToken cancellationToken)
    {
        var id = interaction.CustomId ?? string.Empty;
        if (id.StartsWith(DiscordAnswerRenderer.DeleteButtonPrefix, StringComparison.Ordinal))
        {
            var askerId = id[DiscordAnswerRenderer.DeleteButtonPrefix.Length..];
            if (interaction.User.Id != askerId && !policy.IsModerator(interaction))
            {
                return InteractionResponse.Ephemeral("Only the person who asked, or a moderator, can delete this reply.");
            }

            // Deleting a channel message needs the bot token; without one the request could only fail (401), and
            // every 401 counts toward Discord's invalid-request limit.
            if (!options.Value.HasToken)
            {
                return InteractionResponse.Ephemeral("I can't delete messages here: this HonchoBot runs without a bot token.");
            }

            // Type 6 acknowledges without a visible change; the deletion follows once acknowledged.
            _ = DeleteAfterAckAsync(interaction, acknowledged);
            return new InteractionResponse(InteractionResponse.DeferredUpdateMessage);
        }

        if (DiscordFeedback.Handles(id))
        {
            return await feedback.HandleAsync(interaction, id, cancellationToken);
        }

        if (id.StartsWith(DiscordAnswerRenderer.AboutButtonPrefix, StringComparison.Ordinal))
        {
            return await sources.HandleAboutAsync(interaction, id[DiscordAnswerRenderer.AboutButtonPrefix.Length..], acknowledged, cancellationToken);
        }

        if (TryPage(id, SourceListRenderer.SourcesPagePrefix, out var page))
        {
            return await sources.HandleSourcesAsync(interaction, acknowledged, cancellationToken, page);
        }

        if (TryPage(id, SourceListRenderer.ModeratorListPagePrefix, out page))
        {
            return policy.IsModerator(interaction)
                ? await sources.HandleSourcesAsync(interaction, acknowledged, cancellationToken, page, isModeratorView: true)
                : InteractionResponse.Ephemeral("Only moderators can page through this list.");
        }

        return InteractionResponse.Ephemeral("That button has expired. Try the command again.");
    }

    private async Task DeleteAfterAckAsync(Interaction interaction, Task acknowledged)
    {
        try
        {
            await acknowledged.WaitAsync(TimeSpan.FromSeconds(10));
            if (interaction.ChannelId is not null && interaction.MessageId is not null)
            {
                await rest.DeleteMessageAsync(interaction.ChannelId, interaction.MessageId, CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            LogDeleteFailed(logger, ex, interaction.Id);
        }
    }

    private bool IsAllowedChannel(Interaction interaction) =>
        interaction.GuildId is null || options.Value.ChannelIds.Count == 0
        || (interaction.ChannelId is not null && options.Value.ChannelIds.Contains(interaction.ChannelId));

    private static bool TryPage(string customId, string prefix, out int page)
    {
        page = 0;
        return customId.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(customId.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out page)
            && page >= 1;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Interaction {InteractionId} type {Type}: {Name}")]
    private static partial void LogInteraction(ILogger logger, string interactionId, int type, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {InteractionId}: deleting the reply failed")]
    private static partial void LogDeleteFailed(ILogger logger, Exception exception, string interactionId);
}
