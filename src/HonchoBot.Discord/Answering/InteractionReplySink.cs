using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Interactions;
using HonchoBot.Discord.Rendering;
using HonchoBot.Discord.Rest;

namespace HonchoBot.Discord.Answering;

/// <summary>Renders the answer to <c>/ask</c> or <c>/fact</c> and delivers it through the interaction's <see cref="InitialResponse"/>.</summary>
internal sealed class InteractionReplySink(InitialResponse response, string askerId, DiscordAnswerRenderer renderer) : IReplySink
{
    public Task SendAsync(Answer answer, CancellationToken cancellationToken) =>
        response.DeliverAsync(renderer.Render(answer, askerId), cancellationToken);

    public Task SendShuttingDownAsync(CancellationToken cancellationToken) =>
        response.DeliverAsync(DiscordMessage.Text(InteractionWork.ShuttingDownText), cancellationToken);
}
