using HonchoBot.Core.Corpus;

namespace HonchoBot.Core.Retrieval;

/// <summary>
/// The effect of a run of change-log entries on one replica's index: the sources to (re)index as they are now,
/// the sources to drop, and the last sequence number the run covered (stored in the index commit).
/// </summary>
public sealed record ChangeBatch(long LastSequence, IReadOnlyList<SourceDocument> Upserts, IReadOnlyList<string> Removals)
{
    /// <summary>Nothing after <paramref name="sequence"/>.</summary>
    public static ChangeBatch Empty(long sequence) => new(sequence, [], []);
}
