using HonchoBot.Core.Conversations;
using Microsoft.Extensions.Options;

namespace HonchoBot.Discord.Answering;

/// <summary>
/// Which conversation each recent question message belongs to, so that a reply chain stays one conversation
/// however long it grows: a reply to the bot's answer names (in <c>referenced_message</c>) only the question
/// that answer replied to, and this finds that question's conversation. Bounded like the conversations
/// themselves (<see cref="ConversationOptions"/>): the same time-to-live and cap; a restart forgets it.
/// </summary>
public sealed class DiscordReplyChains(IOptions<ConversationOptions> options, TimeProvider time)
{
    private readonly ExpiringMap<string> _conversationOf = new(time, options.Value.TimeToLive, options.Value.MaxConversations);

    /// <summary>The conversation of a question message seen recently, or null.</summary>
    public string? ConversationOf(string messageId) => _conversationOf.TryGet(messageId, out var conversation) ? conversation : null;

    /// <summary>Remembers that a question message belongs to a conversation.</summary>
    public void Remember(string messageId, string conversationId) => _conversationOf.Set(messageId, conversationId);
}
