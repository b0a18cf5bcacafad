namespace HonchoBot.Core.Curation;

/// <summary>One unanswered or down-voted question, as <see cref="GapFinder"/> groups them.</summary>
public sealed record GapQuestion(string Text, GapKind Kind, VoteReason? Reason, string? CommunityId, DateTimeOffset Time);
