namespace HonchoBot.Core.Sources;

/// <summary>One line of <c>data/audit.jsonl</c>.</summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Platform,
    string UserId,
    string DisplayName,
    string? CommunityId,
    string? ChannelId,
    string Action,
    string? SourceId,
    string Outcome,
    string? Detail);
