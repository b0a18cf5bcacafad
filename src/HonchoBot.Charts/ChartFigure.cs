using System.Globalization;
using System.Text.RegularExpressions;

namespace HonchoBot.Charts;

/// <summary>
/// One side's figure as a bar: a number ("792"), a range drawn from its low to its high end ("35–40"), or a bound or
/// approximate figure drawn at its number ("≥ 2000", "about 40,000"). The normalised value text is kept as the label.
/// </summary>
internal sealed partial record ChartFigure(double Low, double High, string Label)
{
    /// <summary>Reads a normalised claim value (<c>DisagreementClaim.Value</c>); null when it is not a number ("hundreds", "North Korean").</summary>
    public static ChartFigure? TryParse(string value)
    {
        var match = FigurePattern().Match(value.Trim());
        if (!match.Success || !TryNumber(match.Groups["a"].Value, out var a))
        {
            return null;
        }

        var b = a;
        if (match.Groups["b"].Success && (!TryNumber(match.Groups["b"].Value, out b) || b < a))
        {
            return null;
        }

        return new ChartFigure(a, b, value.Trim());
    }

    private static bool TryNumber(string text, out double number) =>
        double.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)
        && double.IsFinite(number);

    [GeneratedRegex(
        @"^(?:(?:≥|≤|>|<|~|about|around|some|roughly|approximately|nearly|almost|over|under|at least|at most|more than|fewer than|less than|up to)\s*)?(?<a>\d[\d,]*(?:\.\d+)?)(?:\s*(?:–|—|-|to)\s*(?<b>\d[\d,]*(?:\.\d+)?))?(?:\s*±\s*\d[\d,]*(?:\.\d+)?)?(?::1)?\+?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex FigurePattern();
}
