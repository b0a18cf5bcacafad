namespace HonchoBot.Core.Claims.Lexicon;

/// <summary>What a whole-war time cue says.</summary>
internal enum TimeCue
{
    Whole,
    Onset,
    End,
}

/// <summary>How a bound phrase shapes the interval of the figure it qualifies.</summary>
internal enum BoundKind
{
    Exact,
    Approx,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    JustOver,
    JustUnder,
}

/// <summary>A bound phrase as tokens; <see cref="IsAfter"/> for "or more" after the figure.</summary>
internal sealed record BoundPhrase(string[] Tokens, BoundKind Kind, bool IsAfter);

/// <summary>A phrase with a value or an interval ("a dozen" = 12, "hundreds" = 200–999).</summary>
internal sealed record PhraseValue(string[] Tokens, double Low, double High, string Phrase);

/// <summary>A war other than the lexicon's own, with its span (months written <c>yyyymm</c>).</summary>
internal sealed record WarInfo(string Id, string Label, int From, int To);

/// <summary>A named battle or raid; <see cref="Day"/> lets a source that gives the date instead mean the same event.</summary>
internal sealed record EpisodeInfo(string Id, string Label, DateOnly? Day);
