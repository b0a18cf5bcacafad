using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Interactions;
using HonchoBot.Discord.Rendering;
using HonchoBot.Discord.Rest;

namespace HonchoBot.Discord.Answering;

/// <summary>
/// Renders the answer to <c>/ask</c> or <c>/fact</c> and delivers it through the interaction's <see cref="InitialResponse"/>,
/// with the chart of a numeric disagreement as an upload shown in the embed (drawn here, on the worker).
/// </summary>
internal sealed class InteractionReplySink(InitialResponse response, string askerId, DiscordAnswerRenderer renderer, DiscordChartRenderer charts) : IReplySink
{
    public Task SendAsync(Answer answer, CancellationToken cancellationToken)
    {
        var rendered = renderer.Render(answer, askerId);
        (DiscordMessage, DiscordFile)? upload = charts.Render(answer) is { } chart ? (DiscordChartRenderer.Attach(rendered, chart), chart) : null;
        return response.DeliverAsync(rendered, upload, cancellationToken);
    }

    public Task SendShuttingDownAsync(CancellationToken cancellationToken) =>
        response.DeliverAsync(DiscordMessage.Text(InteractionWork.ShuttingDownText), cancellationToken);
}
