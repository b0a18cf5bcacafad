using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Extraction;

/// <summary>The negation, rebuttal and change-over-time cues that qualify a claim, with the words that fired.</summary>
internal sealed record ClauseCues(bool IsNegated, bool IsRebutted, ClaimPhase Phase, IReadOnlyList<string> Words)
{
    /// <param name="anchor">Where the claim's figure or cue starts: negation must come before it.</param>
    /// <param name="maxNegationGap">How many tokens a negation may stand before the anchor.</param>
    /// <param name="negationStopsAtComma">A comma or semicolon between the negation and the anchor ends its reach.</param>
    public static ClauseCues Read(TaggedText doc, Segment clause, Segment sentence, int anchor, int maxNegationGap, bool negationStopsAtComma)
    {
        var words = new List<string>(2);
        var isNegated = false;
        foreach (var neg in doc.Negation)
        {
            if (neg.Start >= clause.Start && neg.End <= anchor && doc.TokensBetween(neg.End, anchor) <= maxNegationGap
                && !(negationStopsAtComma && doc.Text.AsSpan(neg.End, anchor - neg.End).IndexOfAny(',', ';') >= 0))
            {
                isNegated = true;
                words.Add(doc.Text[neg.Start..neg.End]);
            }
        }

        var isRebutted = false;
        if (HitLists.FirstIn(doc.Rebuttal, sentence.Start, sentence.End) is { } rebuttal)
        {
            isRebutted = true;
            words.Add(doc.Text[rebuttal.Start..rebuttal.End]);
        }

        var phase = ClaimPhase.None;
        if (HitLists.FirstIn(doc.Change, clause.Start, clause.End) is { } change)
        {
            phase = change.Value;
            words.Add(doc.Text[change.Start..change.End]);
        }

        return new ClauseCues(isNegated, isRebutted, phase, words);
    }
}
