using System.ComponentModel.DataAnnotations;

namespace HonchoBot.Core.Conversations;

/// <summary>How long and how much the bot remembers of a conversation, for follow-ups (appsettings <c>Conversations</c>).</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>A conversation silent for this long is forgotten: a later question stands on its own.</summary>
    [Range(1, 24 * 60)]
    public int TimeToLiveMinutes { get; set; } = 30;

    /// <summary>Conversations remembered at once; past it the one idle longest is forgotten first.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>Questions remembered per conversation (the newest last).</summary>
    [Range(1, 10)]
    public int TurnsKept { get; set; } = 2;

    /// <summary><see cref="TimeToLiveMinutes"/> as a span.</summary>
    public TimeSpan TimeToLive => TimeSpan.FromMinutes(TimeToLiveMinutes);
}
