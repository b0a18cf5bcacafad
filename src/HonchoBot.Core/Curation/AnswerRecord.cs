using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Curation;

/// <summary>
/// What a feedback button needs to know about the answer it sits under, found by <see cref="Id"/> (carried in the
/// button). The asker appears only as a keyed hash (<see cref="IdentityHasher"/>).
/// </summary>
public sealed record AnswerRecord(
    string Id,
    DateTimeOffset Time,
    string Question,
    AnswerStatus Status,
    IReadOnlyList<string> PassageIds,
    string Platform,
    string? CommunityId,
    string? ChannelId,
    string? AskerHash);
