using System.Text.RegularExpressions;
using HonchoBot.Core.Answers;
using HonchoBot.Core.Pipeline;
using HonchoBot.Discord.Interactions;
using HonchoBot.Discord.Messages;

namespace HonchoBot.Discord.Answering;

/// <summary>Pure translation from Discord events to <see cref="Question"/>, with no I/O, so it can be tested alone.</summary>
public static partial class DiscordQuestionMapper
{
    public const string Platform = ChatPlatform.Discord;

    /// <summary>DEFAULT (0) and REPLY (19) messages are what people type; joins, pins and the like are not questions.</summary>
    private static readonly int[] AnswerableTypes = [0, 19];

    /// <summary>A guild is the community <c>discord:{guild_id}</c>; a DM (no guild) searches the global library only.</summary>
    public static string? CommunityOf(string? guildId) => guildId is null ? null : $"discord:{guildId}";

    /// <summary>
    /// Decides whether a message is addressed to the bot: any DM, or a guild message that mentions it or replies
    /// to one of its messages.
    /// Bots (itself included) and webhooks are ignored. <paramref name="text"/> is the content without the
    /// bot's mention, trimmed; it may be empty (the caller answers with a hint).
    /// </summary>
    public static bool IsAddressedToBot(GatewayMessage message, string botUserId, out string text)
    {
        text = string.Empty;
        if (message.AuthorIsBot || message.IsWebhook || message.AuthorId == botUserId || !AnswerableTypes.Contains(message.Type))
        {
            return false;
        }

        var mentionPattern = MentionRegex();
        var mentionsBot = message.MentionIds.Contains(botUserId)
            || mentionPattern.Matches(message.Content).Any(m => m.Groups["id"].Value == botUserId)
            || IsReplyToBot(message, botUserId);
        if (message.GuildId is not null && !mentionsBot)
        {
            return false;
        }

        text = mentionPattern.Replace(message.Content, m => m.Groups["id"].Value == botUserId ? " " : m.Value);
        text = WhitespaceRegex().Replace(text, " ").Trim();
        return true;
    }

    /// <summary>A reply to one of the bot's own messages (with or without the reply's mention).</summary>
    public static bool IsReplyToBot(GatewayMessage message, string botUserId) =>
        message.ReplyTo is not null && message.RepliedToAuthorId == botUserId;

    /// <summary>
    /// The conversation a message belongs to, for follow-ups. A thread is one conversation,
    /// <c>discord:{thread id}</c>. Elsewhere a conversation is a reply chain, <c>discord:{channel}:{root}</c>: a
    /// reply to the bot's answer continues the conversation of the question that answer replied to
    /// (<paramref name="conversationOfQuestion"/> looks it up; a question it no longer knows roots a chain of its
    /// own), and any other message starts one rooted at itself.
    /// </summary>
    public static string ConversationOf(GatewayMessage message, string botUserId, Func<string, string?> conversationOfQuestion)
    {
        if (message.IsInThread)
        {
            return $"discord:{message.ChannelId}";
        }

        if (IsReplyToBot(message, botUserId) && message.RepliedToReplyTo is { } question)
        {
            return conversationOfQuestion(question) ?? $"discord:{message.ChannelId}:{question}";
        }

        return $"discord:{message.ChannelId}:{message.Id}";
    }

    public static Question FromMessage(GatewayMessage message, string text, string correlationId, string? conversationId = null) =>
        new(text, new QuestionOrigin(Platform, CommunityOf(message.GuildId), message.ChannelId, message.AuthorId, correlationId, conversationId));

    /// <summary><c>/ask</c> and <c>/fact</c>: a slash command belongs to no conversation, so it is never read as a follow-up.</summary>
    public static Question FromInteraction(Interaction interaction, string text, QuestionMode mode, string correlationId) =>
        new(
            WhitespaceRegex().Replace(text, " ").Trim(),
            new QuestionOrigin(Platform, CommunityOf(interaction.GuildId), interaction.ChannelId, interaction.User.Id, correlationId),
            mode);

    [GeneratedRegex(@"<@!?(?<id>\d+)>")]
    private static partial Regex MentionRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}
