namespace HonchoBot.Charts;

/// <summary>A source's title short enough to sit under a bar: the part before a colon or dash, cut at a word.</summary>
internal static class ShortTitle
{
    public const int MaxLength = 28;

    public static string Of(string title)
    {
        var text = title.Trim();
        foreach (var separator in new[] { ": ", " — ", " – ", " - ", " | " })
        {
            var at = text.IndexOf(separator, StringComparison.Ordinal);
            if (at >= 8)
            {
                text = text[..at];
            }
        }

        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxLength - 1);
        return (cut >= MaxLength / 2 ? text[..cut] : text[..(MaxLength - 1)]).TrimEnd(',', ';', ' ') + "…";
    }
}
