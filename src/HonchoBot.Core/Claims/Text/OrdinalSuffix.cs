namespace HonchoBot.Core.Claims.Text;

/// <summary>English ordinal suffixes written after digits: "196th", "1st", "22nd", "3rd".</summary>
internal static class OrdinalSuffix
{
    /// <summary>Does an ordinal suffix follow the number at token <paramref name="k"/>, with no space between?</summary>
    public static bool Follows(TextTokens tokens, int k) =>
        k + 1 < tokens.Tokens.Length && tokens.Tokens[k + 1].Start == tokens.Tokens[k].End
        && tokens.Span(tokens.Tokens[k + 1]) is "st" or "nd" or "rd" or "th";
}
