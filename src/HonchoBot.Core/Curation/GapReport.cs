namespace HonchoBot.Core.Curation;

/// <summary>The coverage gaps of a period: groups of similar unanswered or down-voted questions, most asked first.</summary>
/// <param name="Since">Start of the period (UTC).</param>
/// <param name="Days">Length of the period in days.</param>
/// <param name="Community">The community reported on; null: every community and the global library.</param>
/// <param name="Questions">Questions asked in the period (all statuses), for scale.</param>
/// <param name="Groups">At most the requested number of groups, most asked first.</param>
public sealed record GapReport(DateTimeOffset Since, int Days, string? Community, int Questions, IReadOnlyList<GapGroup> Groups);
