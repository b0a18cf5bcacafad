using System.Text.Json.Serialization;

namespace HonchoBot.Core.Answers;

/// <summary>
/// The platform-neutral answer. Its JSON form is a contract (docs/json-contract.md):
/// field names are fixed, more may be added.
/// </summary>
public sealed record Answer(
    string Question,
    AnswerStatus Status,
    string? Message,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<Disagreement> Disagreements,
    double ElapsedMs)
{
    /// <summary>An answer without evidence: every status but <see cref="AnswerStatus.Answered"/>.</summary>
    public static Answer Without(string question, AnswerStatus status, string message, double elapsedMs = 0) =>
        new(question, status, message, [], [], elapsedMs);
}

/// <summary>A closed set; serialised as snake_case strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnswerStatus>))]
public enum AnswerStatus
{
    /// <summary>The evidence covers the question; at least one citation.</summary>
    [JsonStringEnumMemberName("answered")] Answered,

    /// <summary>Nothing in the sources answers it.</summary>
    [JsonStringEnumMemberName("no_answer")] NoAnswer,

    /// <summary>Empty, whitespace-only or too long.</summary>
    [JsonStringEnumMemberName("invalid")] Invalid,

    /// <summary>The question queue is full.</summary>
    [JsonStringEnumMemberName("busy")] Busy,

    /// <summary>A per-user or per-channel limit was hit.</summary>
    [JsonStringEnumMemberName("rate_limited")] RateLimited,

    /// <summary>The index is still being built.</summary>
    [JsonStringEnumMemberName("not_ready")] NotReady,

    /// <summary>An unexpected failure; details are in the logs under the correlation id.</summary>
    [JsonStringEnumMemberName("error")] Error,
}

/// <summary>One cited excerpt and where it comes from.</summary>
/// <param name="N">Citation number as shown to users: 1–3, or 4–5 when a disagreement needs more.</param>
/// <param name="Location"><c>¶N</c> (body paragraph, from 1) or <c>p. N</c> (PDF page).</param>
/// <param name="PassageId"><c>{sourceId}#{ordinal}</c>, stable across rebuilds of the same text.</param>
/// <param name="Excerpt">Whole sentences copied verbatim from the stored source text; no markup.</param>
/// <param name="Notes">
/// The source's own notes (its perspective, provenance or caveats, e.g. an openly partisan standpoint), shown
/// beside every citation of it; null when the source has none.
/// </param>
public sealed record Citation(
    int N,
    string SourceId,
    string Title,
    string? Author,
    string? Publisher,
    string? Published,
    string? Url,
    string Location,
    string PassageId,
    string Excerpt,
    string? Notes,
    double Score);

/// <summary>How two sources' claims differ.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DisagreementKind>))]
public enum DisagreementKind
{
    /// <summary>Same thing, incompatible values.</summary>
    [JsonStringEnumMemberName("conflict")] Conflict,

    /// <summary>E.g. kills claimed by one side vs losses recorded by the other.</summary>
    [JsonStringEnumMemberName("different_measure")] DifferentMeasure,

    /// <summary>"Initially … / eventually …".</summary>
    [JsonStringEnumMemberName("change_over_time")] ChangeOverTime,
}

/// <summary>Sources that disagree about something the question asks.</summary>
/// <param name="Topic">What is disputed, e.g. "communist aircraft lost".</param>
/// <param name="Note">One line on why the figures may differ.</param>
public sealed record Disagreement(
    DisagreementKind Kind,
    string Topic,
    string Note,
    IReadOnlyList<DisagreementClaim> Claims);

/// <summary>One side of a disagreement.</summary>
/// <param name="Citation">The citation number that carries the claim.</param>
/// <param name="Statement">The verbatim span that carries the claim.</param>
/// <param name="Value">The figure as normalised ("792", "35–40", "≥ 2000") or the attribute value.</param>
public sealed record DisagreementClaim(int Citation, string Statement, string Value);
