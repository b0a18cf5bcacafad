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

    /// <summary>Cause id from the lexicon's <c>scopes</c> ("air_to_air", "ground_fire", "all_causes"…).</summary>
    [JsonPropertyName("c")] public string? Cause { get; init; }

    /// <summary>The named unit the figure is limited to ("64 corps").</summary>
    [JsonPropertyName("u")] public string? Unit { get; init; }

    /// <summary>The named battle or operation the figure is limited to ("operation strangle").</summary>
    [JsonPropertyName("ep")] public string? Episode { get; init; }

    /// <summary>A figure for each unit or one person's tally rather than a total.</summary>
    [JsonPropertyName("p")] public PerScope Per { get; init; }

    /// <summary>"per year", "a month": a rate, not a total.</summary>
    [JsonPropertyName("r")] public bool IsRate { get; init; }

    /// <summary>"at its peak": a peak, not a cumulative total.</summary>
    [JsonPropertyName("pk")] public bool IsPeak { get; init; }
}
