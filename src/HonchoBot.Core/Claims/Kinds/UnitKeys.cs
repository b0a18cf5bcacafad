using System.Globalization;

namespace HonchoBot.Core.Claims.Kinds;

/// <summary>Unit keys ("324 division") as people write them ("324th division").</summary>
internal static class UnitKeys
{
    public static string Label(string key)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !int.TryParse(key.AsSpan(0, space), CultureInfo.InvariantCulture, out var n))
        {
            return key;
        }

        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return $"{n}{suffix}{key[space..]}";
    }
}
