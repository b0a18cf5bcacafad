using System.Text.Json.Serialization;

namespace HonchoBot.Core.Claims;

/// <summary>
/// One checkable statement found in a passage at index time (see claim-lexicon.json for every word list).
/// Offsets are character offsets into the passage text the claim was extracted from.
/// </summary>
public sealed record Claim
{
    /// <summary>What the claim states; decides which strategy extracts and compares it.</summary>
    [JsonPropertyName("k")] public ClaimKind Kind { get; init; }

    /// <summary>Start of the verbatim statement (a clause, trimmed) that carries the claim.</summary>
    [JsonPropertyName("s")] public int Start { get; init; }

    /// <summary>End (exclusive) of the statement.</summary>
    [JsonPropertyName("e")] public int End { get; init; }

    /// <summary>Start of the figure or attribute value inside the passage.</summary>
    [JsonPropertyName("vs")] public int ValueStart { get; init; }

    /// <summary>End (exclusive) of the figure or attribute value.</summary>
    [JsonPropertyName("ve")] public int ValueEnd { get; init; }

    /// <summary>Normalised value: "792", "35–40", "≥ 2000", "about 40,000", "hundreds", or an attribute value label ("North Korean").</summary>
    [JsonPropertyName("v")] public string Value { get => field ?? ""; init; } = "";

    /// <summary>Lower end of the quantity interval (0 when unbounded below).</summary>
    [JsonPropertyName("lo")] public double Low { get; init; }

    /// <summary>Upper end of the quantity interval; null when unbounded ("at least 2000").</summary>
    [JsonPropertyName("hi")] public double? High { get; init; }

    /// <summary>The lower end is excluded ("more than").</summary>
    [JsonPropertyName("lx")] public bool IsLowExclusive { get; init; }

    /// <summary>The upper end is excluded ("fewer than").</summary>
    [JsonPropertyName("hx")] public bool IsHighExclusive { get; init; }

    /// <summary>"about", "some", "roughly"… or a rounded figure widened by its grain.</summary>
    [JsonPropertyName("ap")] public bool IsApproximate { get; init; }

    /// <summary>A vague magnitude ("hundreds", "several", "a few dozen").</summary>
    [JsonPropertyName("vg")] public bool IsVague { get; init; }

    /// <summary>Counted-thing id from the lexicon hierarchy ("mig-15", "aircraft", "personnel").</summary>
    [JsonPropertyName("t")] public string? Thing { get; init; }

    /// <summary>Measure id ("kills", "losses", "strength", "sorties").</summary>
    [JsonPropertyName("m")] public string? Measure { get; init; }

    /// <summary>
    /// For a quantity: the side the counted things belong to (whose aircraft were lost, whose personnel served).
    /// For an attribute: the subject's side (whose aircraft carried the markings).
    /// </summary>
    [JsonPropertyName("sd")] public string? Side { get; init; }

    /// <summary>The side was inferred (from the counted thing, "enemy", or the opponent of the agent) rather than stated.</summary>
    [JsonPropertyName("si")] public bool IsSideInferred { get; init; }

    /// <summary>
    /// The person the claim is about (one pilot's tally, his death, his unit), as a spelling-folded surname key;
    /// null for a claim about a force. A person's figure is never compared with a force's.
    /// </summary>
    [JsonPropertyName("p")] public string? Person { get; init; }

    /// <summary>The person's surname as the source writes it, for topics and notes.</summary>
    [JsonPropertyName("pn")] public string? PersonName { get; init; }

    /// <summary>For an event: its date, as precise as the source gives it.</summary>
    [JsonPropertyName("dt")] public ClaimDate? Date { get; init; }

    /// <summary>For claimed kills: the side that claims them.</summary>
    [JsonPropertyName("ag")] public string? Agent { get; init; }

    /// <summary>The period the claim is about; null when the text gives none.</summary>
    [JsonPropertyName("tm")] public TimeScope? Time { get; init; }

    /// <summary>Scope qualifiers (cause, unit, battle, per unit or person, rate, peak).</summary>
    /// <remarks>No scope is kept as null, so a claim read back from storage (where an empty scope is left out) equals the original.</remarks>
    [JsonPropertyName("sc")] public ClaimScope Scope { get => field ?? ClaimScope.None; init => field = value == ClaimScope.None ? null : value; }

    /// <summary>Epistemic status: a claim, a record or an estimate.</summary>
    [JsonPropertyName("st")] public ClaimStatus Status { get; init; }

    /// <summary>Change-over-time cue in the clause.</summary>
    [JsonPropertyName("ph")] public ClaimPhase Phase { get; init; }

    /// <summary>The cue words that fired (change-over-time, negation, rebuttal), as written.</summary>
    [JsonPropertyName("cu")] public IReadOnlyList<string> Cues { get => field ?? []; init; } = [];

    /// <summary>The statement is negated ("did not", "never").</summary>
    [JsonPropertyName("ng")] public bool IsNegated { get; init; }

    /// <summary>
    /// The passage itself sets this figure against one of the other measure for the same things (a claim against
    /// the record: "Soviet pilots claimed 650 Sabres, but records show 224 lost"): it already tells that difference,
    /// so it is not reported as one between sources.
    /// </summary>
    [JsonPropertyName("sx")] public bool IsContrastedInPassage { get; init; }

    /// <summary>The sentence reports the claim in order to rebut it ("myth", "contrary to").</summary>
    [JsonPropertyName("rb")] public bool IsRebutted { get; init; }

    /// <summary>Attribute id ("insignia", "base") for attribute claims; event id ("first_appearance") for events; role id ("top") for superlatives.</summary>
    [JsonPropertyName("a")] public string? Attribute { get; init; }

    /// <summary>
    /// For a superlative whose holder is a person: the side the same passage puts that person on ("Sutiagin was the
    /// most successful of those [Soviet] pilots"), so a top place over everyone can be set against a top place
    /// within that side.
    /// </summary>
    [JsonPropertyName("vsd")] public string? ValueSide { get; init; }

    /// <summary>
    /// Attribute value id (a side or place id) for attribute claims; for events, the place id if one is named; for
    /// superlatives, the holder (a person or unit key).
    /// </summary>
    [JsonPropertyName("av")] public string? AttributeValue { get; init; }
}
