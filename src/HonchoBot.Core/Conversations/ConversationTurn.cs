namespace HonchoBot.Core.Conversations;

/// <summary>One question of a conversation, as remembered for the next one.</summary>
/// <param name="Asked">The question as the asker typed it.</param>
/// <param name="Understood">What was answered: <paramref name="Asked"/> itself, or the follow-up it was resolved to.</param>
/// <param name="At">When it was answered.</param>
public sealed record ConversationTurn(string Asked, string Understood, DateTimeOffset At);
