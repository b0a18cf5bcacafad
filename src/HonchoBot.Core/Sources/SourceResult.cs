namespace HonchoBot.Core.Sources;

/// <summary>What a change did, with a message fit to show the requester.</summary>
public sealed record SourceResult(SourceOutcome Outcome, string Message, SourceSummary? Source = null)
{
    /// <summary>True when the change happened.</summary>
    public bool IsDone => Outcome == SourceOutcome.Done;
}
