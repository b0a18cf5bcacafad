namespace HonchoBot.Core.Curation;

/// <summary>
/// One person's vote on one answer, with what the answer was about so that a report needs nothing else. The voter
/// and asker are keyed hashes, never platform ids. A later vote by the same voter on the same answer replaces it.
/// </summary>
public sealed record Vote(
    string AnswerId,
    string VoterHash,
    VoteValue Value,
    VoteReason? Reason,
    DateTimeOffset Time,
    string Question,
    IReadOnlyList<string> PassageIds,
    string? CommunityId,
    string? AskerHash);
