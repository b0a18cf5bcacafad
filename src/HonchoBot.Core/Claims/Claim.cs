using System.Text.Json.Serialization;

namespace HonchoBot.Core.Claims;

/// <summary>What a claim states: a quantity (an interval) or the value of an exclusive attribute.</summary>
public enum ClaimKind
{
    /// <summary>A counted figure such as "792 MiG-15s" or "thirty-five to forty aircraft each".</summary>
    Quantity = 0,

    /// <summary>A functional attribute with exclusive values, such as the markings Soviet-flown MiGs carried.</summary>
    Attribute = 1,

    /// <summary>The date of an event ("the first MiG-15 patrols … began in November 1950").</summary>
    Event = 2,
}

/// <summary>A change-over-time cue in the claim's clause ("initially" / "eventually").</summary>
public enum ClaimPhase
{
    /// <summary>No cue.</summary>
    None = 0,

    /// <summary>"initially", "at first", "originally"…</summary>
    Early = 1,

    /// <summary>"eventually", "later", "finally"…</summary>
    Late = 2,
}

/// <summary>What kind of time a claim is about.</summary>
public enum TimeScopeKind
{
    /// <summary>The whole war, a cumulative total ("throughout the war", "in all", "when the armistice was signed").</summary>
    Whole = 0,

    /// <summary>The outbreak of the war ("at the onset", "when the war began").</summary>
    Onset = 1,

    /// <summary>An explicit period: a year, a month or a range of them.</summary>
    Period = 2,

    /// <summary>"by 1952": the state at, or the total up to, a date.</summary>
    By = 3,
}

/// <summary>The time a claim is about. Months are written <c>yyyymm</c> (195011 = November 1950).</summary>
public sealed record TimeScope(
    [property: JsonPropertyName("k")] TimeScopeKind Kind,
    [property: JsonPropertyName("f")] int From,
    [property: JsonPropertyName("t")] int To);

/// <summary>
/// One checkable statement found in a passage at index time (see claim-lexicon.json for every word list).
/// Offsets are character offsets into the passage text the claim was extracted from.
/// </summary>
public sealed record Claim
{
    /// <summary>Quantity or attribute.</summary>
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

    /// <summary>For claimed kills: the side that claims them.</summary>
    [JsonPropertyName("ag")] public string? Agent { get; init; }

    /// <summary>The period the claim is about; null when the text gives none.</summary>
    [JsonPropertyName("tm")] public TimeScope? Time { get; init; }

    /// <summary>Scope qualifiers: "cause:air_to_air", "unit:64th corps", "per:unit", "rate".</summary>
    [JsonPropertyName("sc")] public IReadOnlyList<string> Scope { get => field ?? []; init; } = [];

    /// <summary>Epistemic status class: "claim", "record" or "estimate"; null when unknown.</summary>
    [JsonPropertyName("st")] public string? Status { get; init; }

    /// <summary>Change-over-time cue in the clause.</summary>
    [JsonPropertyName("ph")] public ClaimPhase Phase { get; init; }

    /// <summary>The cue words that fired (change-over-time, negation, rebuttal), as written.</summary>
    [JsonPropertyName("cu")] public IReadOnlyList<string> Cues { get => field ?? []; init; } = [];

    /// <summary>The statement is negated ("did not", "never").</summary>
    [JsonPropertyName("ng")] public bool IsNegated { get; init; }

    /// <summary>The sentence reports the claim in order to rebut it ("myth", "contrary to").</summary>
    [JsonPropertyName("rb")] public bool IsRebutted { get; init; }

    /// <summary>Attribute id ("insignia", "base") for attribute claims; event id ("first_appearance") for events.</summary>
    [JsonPropertyName("a")] public string? Attribute { get; init; }

    /// <summary>Attribute value id (a side or place id) for attribute claims; for events, the place id if one is named.</summary>
    [JsonPropertyName("av")] public string? AttributeValue { get; init; }
}
