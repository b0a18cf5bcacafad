namespace HonchoBot.Core.Retrieval;

/// <summary>
/// Index-time enrichment of a passage (claim extraction): its output is stored with the passage and
/// handed back at answer time. <see cref="Version"/> is recorded in the index; a change rebuilds it.
/// </summary>
public interface IPassageAnnotator
{
    string Version { get; }

    /// <summary>A compact serialised annotation, or null when the passage has none.</summary>
    string? Annotate(string passageText);
}
