using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Messages;
using HonchoBot.Discord.Rendering;
using HonchoBot.Discord.Rest;

namespace HonchoBot.Discord.Answering;

/// <summary>
/// Replies to a mention or DM as a reply to that message, without pinging anyone (docs/platform-protocols.md).
/// The nonce makes a retried send idempotent. An answer with a numeric disagreement carries its chart as an
/// upload shown in the embed; if that send fails, the answer goes again without the chart.
/// </summary>
internal sealed class MessageReplySink(GatewayMessage message, IDiscordRestClient rest, DiscordAnswerRenderer renderer, DiscordChartRenderer charts) : IReplySink
{
    public const string ShuttingDownText = "I'm restarting — please ask again in a minute.";

    public async Task SendAsync(Answer answer, CancellationToken cancellationToken)
    {
        var rendered = renderer.Render(answer, askerId: message.AuthorId);
        if (charts.Render(answer) is { } chart)
        {
            var sent = await rest.CreateMessageAsync(message.ChannelId, Reply(DiscordChartRenderer.Attach(rendered, chart)), chart, cancellationToken);
            if (sent.IsSuccess)
            {
                return;
            }

            charts.ReportNotSent(sent.StatusCode, sent.ErrorMessage);
        }

        await ReplyAsync(rendered, cancellationToken);
    }

    public Task SendShuttingDownAsync(CancellationToken cancellationToken) =>
        ReplyAsync(DiscordMessage.Text(ShuttingDownText), cancellationToken);

    public Task<DiscordRestResult> ReplyAsync(DiscordMessage reply, CancellationToken cancellationToken) =>
        rest.CreateMessageAsync(message.ChannelId, Reply(reply), cancellationToken);

    private DiscordMessage Reply(DiscordMessage reply) => reply with
    {
        MessageReference = new MessageReference(message.Id, FailIfNotExists: false),
        Nonce = message.Id.Length <= 25 ? message.Id : null,
        EnforceNonce = message.Id.Length <= 25 ? true : null,
    };
}
