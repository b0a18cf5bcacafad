using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Curation;

/// <summary>One asked question as the log keeps it: never who asked.</summary>
/// <param name="Time">When it was answered (UTC).</param>
/// <param name="Text">The question as typed.</param>
/// <param name="Status">What the answer was: answered, no_answer, error…</param>
/// <param name="Platform">Where it was asked (<see cref="Pipeline.ChatPlatform"/>).</param>
/// <param name="CommunityId"><c>discord:{guild}</c>, <c>slack:{team}</c>, or null for DMs and the console.</param>
public sealed record QuestionRecord(
    DateTimeOffset Time,
    string Text,
    AnswerStatus Status,
    string Platform,
    string? CommunityId);
