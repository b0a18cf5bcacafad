using HonchoBot.Core.Curation;
using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Interactions;
using HonchoBot.Discord.Rendering;
using HonchoBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace HonchoBot.Discord.Feedback;

/// <summary>
/// The 👍 / 👎 buttons under an answer (<see cref="DiscordAnswerRenderer.VoteUpPrefix"/>…). A vote is recorded with the
/// voter's keyed hash, never their id; a second click by the same person replaces their vote. 👎 answers with an
/// ephemeral choice of reason ("Wrong source", "Missing answer"), and choosing one updates that ephemeral message.
/// </summary>
internal sealed partial class DiscordFeedback(IFeedbackStore store, IdentityHasher hasher, ILogger<DiscordFeedback> logger)
{

    /// <summary>True for the custom ids this class handles.</summary>
    public static bool Handles(string customId) =>
        customId.StartsWith(DiscordAnswerRenderer.VoteUpPrefix, StringComparison.Ordinal)
        || customId.StartsWith(DiscordAnswerRenderer.VoteDownPrefix, StringComparison.Ordinal)
        || customId.StartsWith(DiscordAnswerRenderer.VoteReasonPrefix, StringComparison.Ordinal);

    public async Task<InteractionResponse> HandleAsync(Interaction interaction, string customId, CancellationToken cancellationToken)
    {
        if (!TryRead(customId, out var answerId, out var value, out var reason))
        {
            return InteractionResponse.Ephemeral("That button has expired.");
        }

        VoteOutcome outcome;
        try
        {
            // Hashing may read the install's key for the first time (a file, or the store in postgres mode).
            var voter = hasher.Hash(ChatPlatform.Discord, interaction.User.Id);
            outcome = await store.VoteAsync(answerId, voter, value, reason, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogVoteFailed(logger, ex, interaction.Id);
            return InteractionResponse.Ephemeral("Sorry, I couldn't record that just now. Please try again later.");
        }

        LogVoted(logger, interaction.Id, value, outcome);
        if (outcome == VoteOutcome.UnknownAnswer)
        {
            return InteractionResponse.Ephemeral("This answer is too old to vote on now (or feedback is switched off here).");
        }

        var verb = outcome == VoteOutcome.Updated ? "Changed your vote" : "Thanks for the feedback";
        if (reason is { } why)
        {
            // The reason buttons sit on the ephemeral 👎 reply: update it in place and drop its buttons.
            var text = $"{verb}: 👎, {(why == VoteReason.WrongSource ? "wrong source" : "missing answer")}. Moderators see it in `/source gaps`.";
            return new InteractionResponse(InteractionResponse.UpdateMessage, new DiscordMessage { Content = text, Components = [] });
        }

        if (value == VoteValue.Up)
        {
            return InteractionResponse.Ephemeral($"{verb} 👍");
        }

        return InteractionResponse.Message(new DiscordMessage
        {
            Content = $"{verb} 👎 — what was wrong?",
            Flags = DiscordMessage.EphemeralFlag,
            Components =
            [
                new ActionRow([.. VoteReasonCodes.All.Select(r => Component.Button(DiscordAnswerRenderer.VoteReasonPrefix + answerId + ":" + r.Code, r.Label))]),
            ],
        });
    }

    private static bool TryRead(string customId, out string answerId, out VoteValue value, out VoteReason? reason)
    {
        reason = null;
        value = VoteValue.Down;
        answerId = string.Empty;
        if (customId.StartsWith(DiscordAnswerRenderer.VoteUpPrefix, StringComparison.Ordinal))
        {
            value = VoteValue.Up;
            answerId = customId[DiscordAnswerRenderer.VoteUpPrefix.Length..];
        }
        else if (customId.StartsWith(DiscordAnswerRenderer.VoteDownPrefix, StringComparison.Ordinal))
        {
            answerId = customId[DiscordAnswerRenderer.VoteDownPrefix.Length..];
        }
        else
        {
            var rest = customId[DiscordAnswerRenderer.VoteReasonPrefix.Length..];
            var colon = rest.LastIndexOf(':');
            if (colon < 0)
            {
                return false;
            }

            answerId = rest[..colon];
            reason = VoteReasonCodes.Parse(rest[(colon + 1)..]);
            if (reason is null)
            {
                return false;
            }
        }

        return AnswerIds.TryGetDay(answerId, out _);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Interaction {InteractionId}: vote {Value} {Outcome}")]
    private static partial void LogVoted(ILogger logger, string interactionId, VoteValue value, VoteOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {InteractionId}: recording a vote failed")]
    private static partial void LogVoteFailed(ILogger logger, Exception exception, string interactionId);
}
