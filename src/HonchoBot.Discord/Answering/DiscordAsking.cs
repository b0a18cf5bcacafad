using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Interactions;
using HonchoBot.Discord.Messages;
using HonchoBot.Discord.Rendering;
using HonchoBot.Discord.Rest;

namespace HonchoBot.Discord.Answering;

/// <summary>
/// The Discord side of the one pipeline, for mentions, DMs, <c>/ask</c> and <c>/fact</c>: map to a
/// <see cref="Question"/>, submit it to <see cref="AskPipeline"/> with a reply sink, and render a refusal.
/// Nothing here awaits answering on the caller's thread.
/// </summary>
internal sealed class DiscordAsking(
    AskPipeline pipeline,
    InteractionWork interactions,
    IDiscordRestClient rest,
    DiscordAnswerRenderer renderer,
    DiscordReplyChains replyChains,
    DiscordChartRenderer charts)
{
    public const string EmptyMentionHint = "Ask me a question after the mention — e.g. `@HonchoBot how many MiG-15s were lost?` — or use `/ask`.";

    public const string EmptyCommandHint = "Please type a question, e.g. `/ask question: how many MiG-15s were lost?`";

    /// <summary>
    /// A mention, DM or reply to the bot: refusals are replies to the message, like answers. The message joins its
    /// reply chain's (or thread's) conversation, so a follow-up is read against the question before it.
    /// </summary>
    public async Task AskAsync(GatewayMessage message, string text, string botUserId, CancellationToken cancellationToken)
    {
        var sink = new MessageReplySink(message, rest, renderer, charts);
        var conversation = DiscordQuestionMapper.ConversationOf(message, botUserId, replyChains.ConversationOf);
        replyChains.Remember(message.Id, conversation);
        var outcome = pipeline.Submit(DiscordQuestionMapper.FromMessage(message, text, CorrelationIds.New(), conversation), sink);
        if (outcome.Refusal is { } refusal)
        {
            var reply = outcome.Status switch
            {
                SubmitStatus.Empty => DiscordMessage.Text(EmptyMentionHint),
                SubmitStatus.TooLong => renderer.Render(refusal, askerId: message.AuthorId),
                _ => DiscordMessage.Text(DiscordAnswerRenderer.StatusText(refusal.Status, null)),
            };
            await sink.ReplyAsync(reply, cancellationToken);
        }
    }

    /// <summary>
    /// <c>/ask</c> and <c>/fact</c>: refusals are ephemeral initial responses; a queued question answers inline
    /// when quick, otherwise defers and PATCHes (<see cref="InitialResponse"/>).
    /// </summary>
    public async Task<InteractionResponse> AskAsync(Interaction interaction, string? text, QuestionMode mode, Task acknowledged, CancellationToken cancellationToken)
    {
        var response = interactions.Begin(interaction, acknowledged);
        var question = DiscordQuestionMapper.FromInteraction(interaction, text ?? string.Empty, mode, CorrelationIds.New());
        var outcome = pipeline.Submit(question, new InteractionReplySink(response, interaction.User.Id, renderer, charts));
        return outcome.Refusal switch
        {
            null => await interactions.RespondAsync(response, ephemeral: false, cancellationToken),
            _ when outcome.Status == SubmitStatus.Empty => InteractionResponse.Ephemeral(EmptyCommandHint),

            // Too long is rendered like an answer, saying by how much; rate limited and busy are ephemeral notes.
            { } refusal when outcome.Status == SubmitStatus.TooLong => InteractionResponse.Message(renderer.Render(refusal, interaction.User.Id)),
            { } refusal => InteractionResponse.Ephemeral(DiscordAnswerRenderer.StatusText(refusal.Status, null)),
        };
    }
}
