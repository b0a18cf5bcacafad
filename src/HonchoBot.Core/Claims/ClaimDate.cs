using System.Globalization;
using System.Text.Json.Serialization;

namespace HonchoBot.Core.Claims;

/// <summary>
/// A calendar date as precise as the source gives it: "1954", "August 1954", "25 August 1954", or "November 12"
/// with no year. Two dates agree when every part both give is the same.
/// </summary>
public sealed record ClaimDate(
    [property: JsonPropertyName("y")] int? Year,
    [property: JsonPropertyName("m")] int? Month,
    [property: JsonPropertyName("d")] int? Day)
{
    /// <summary>Could both dates name the same day?</summary>
    public bool IsCompatibleWith(ClaimDate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Agree(Year, other.Year) && Agree(Month, other.Month) && Agree(Day, other.Day);

        static bool Agree(int? a, int? b) => a is null || b is null || a == b;
    }

    /// <summary>"25 August 1954", "August 1954", "12 November", "1954".</summary>
    public string Format(IReadOnlyList<string> monthNames)
    {
        ArgumentNullException.ThrowIfNull(monthNames);
        var parts = new List<string>(3);
        if (Day is { } day)
        {
            parts.Add(day.ToString(CultureInfo.InvariantCulture));
        }

        if (Month is { } month)
        {
            parts.Add(monthNames[month]);
        }

        if (Year is { } year)
        {
            parts.Add(year.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(' ', parts);
    }
}
