using Microsoft.Extensions.Options;

namespace HonchoBot.Core.Conversations;

/// <summary>
/// The last question or two of each conversation, in memory only (a restart forgets them): what a follow-up
/// is read against. Bounded by <see cref="ConversationOptions"/>: a time-to-live after the last question, a cap
/// on conversations (the one idle longest goes first) and a few turns per conversation.
/// </summary>
public sealed class ConversationMemory(IOptions<ConversationOptions> options, TimeProvider time)
{
    private readonly ExpiringMap<IReadOnlyList<ConversationTurn>> _turns =
        new(time, options.Value.TimeToLive, options.Value.MaxConversations);

    private readonly int _turnsKept = options.Value.TurnsKept;

    /// <summary>Conversations remembered now.</summary>
    public int Count => _turns.Count;

    /// <summary>The conversation's remembered turns, oldest first; empty for one unknown or gone quiet too long.</summary>
    public IReadOnlyList<ConversationTurn> Recall(string conversationId) =>
        _turns.TryGet(conversationId, out var turns) ? turns : [];

    /// <summary>Adds a turn to the conversation, dropping its oldest past <see cref="ConversationOptions.TurnsKept"/>.</summary>
    public void Remember(string conversationId, string asked, string understood)
    {
        var turn = new ConversationTurn(asked, understood, time.GetUtcNow());
        var turns = Recall(conversationId).Append(turn).TakeLast(_turnsKept).ToArray();
        _turns.Set(conversationId, turns);
    }

    /// <summary>Forgets a conversation (<c>/new</c> in <c>honcho chat</c>).</summary>
    public void Forget(string conversationId) => _turns.Remove(conversationId);
}
