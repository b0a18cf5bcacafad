using System.Text.Json.Serialization;

namespace HonchoBot.Core.Claims;

/// <summary>
/// The qualifiers that narrow what a claim counts. Two claims whose scopes differ are never a plain conflict: one
/// unit inside all forces, or one battle inside the whole war, nests like MiG-15s inside all aircraft.
/// </summary>
public sealed record ClaimScope
{
    /// <summary>No qualifier: a total for the whole force.</summary>
    public static readonly ClaimScope None = new();

    /// <summary>The key of an engagement the text does not name or date: it matches no other.</summary>
    public const string UnknownEpisode = "?";

    /// <summary>Cause id from the lexicon's <c>scopes</c> ("air_to_air", "ground_fire", "all_causes"…).</summary>
    [JsonPropertyName("c")] public string? Cause { get; init; }

    /// <summary>The cause is only implied by who did it ("pilots shot down" → air-to-air), not stated.</summary>
    [JsonPropertyName("ci")] public bool IsCauseImplied { get; init; }

    /// <summary>The named unit the figure is limited to ("64 corps").</summary>
    [JsonPropertyName("u")] public string? Unit { get; init; }

    /// <summary>
    /// The battle or raid the figure is limited to: a listed nickname and a dated engagement share the key of their
    /// day ("1951-10-23"); an operation named in the text is keyed by its name ("operation strangle"); an engagement
    /// the text does not date is <see cref="UnknownEpisode"/>.
    /// </summary>
    [JsonPropertyName("ep")] public string? Episode { get; init; }

    /// <summary>A figure for each unit or one person's tally rather than a total.</summary>
    [JsonPropertyName("p")] public PerScope Per { get; init; }

    /// <summary>"per year", "a month": a rate, not a total.</summary>
    [JsonPropertyName("r")] public bool IsRate { get; init; }

    /// <summary>"at its peak": a peak, not a cumulative total.</summary>
    [JsonPropertyName("pk")] public bool IsPeak { get; init; }

    /// <summary>A tally at one moment ("that morning", "bringing his total to six"), not a final total.</summary>
    [JsonPropertyName("mo")] public bool IsMoment { get; init; }

    /// <summary>Another war than the lexicon's own (id from the lexicon's <c>wars</c>, e.g. "ww2"); null for the war itself.</summary>
    [JsonPropertyName("w")] public string? War { get; init; }
}
