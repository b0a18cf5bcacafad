using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Messages;
using HonchoBot.Discord.Rendering;
using HonchoBot.Discord.Rest;

namespace HonchoBot.Discord.Answering;

/// <summary>
/// Replies to a mention or DM as a reply to that message, without pinging anyone (docs/platform-protocols.md).
/// The nonce makes a retried send idempotent.
/// </summary>
internal sealed class MessageReplySink(GatewayMessage message, IDiscordRestClient rest, DiscordAnswerRenderer renderer) : IReplySink
{
    public const string ShuttingDownText = "I'm restarting — please ask again in a minute.";

    public Task SendAsync(Answer answer, CancellationToken cancellationToken) =>
        ReplyAsync(renderer.Render(answer, askerId: message.AuthorId), cancellationToken);

    public Task SendShuttingDownAsync(CancellationToken cancellationToken) =>
        ReplyAsync(DiscordMessage.Text(ShuttingDownText), cancellationToken);

    public async Task ReplyAsync(DiscordMessage reply, CancellationToken cancellationToken)
    {
        var body = reply with
        {
            MessageReference = new MessageReference(message.Id, FailIfNotExists: false),
            Nonce = message.Id.Length <= 25 ? message.Id : null,
            EnforceNonce = message.Id.Length <= 25 ? true : null,
        };
        await rest.CreateMessageAsync(message.ChannelId, body, cancellationToken);
    }
}
