using HonchoBot.Core.Claims.Extraction;
using HonchoBot.Core.Claims.Lexicon;
using HonchoBot.Core.Claims.Questions;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Kinds;

/// <summary>
/// Kill ratios: "a kill ratio of about 8:1", "the U.S. claimed a kill ratio of 10 to one", and a bare "closer to
/// three to one" that takes up the ratio its passage spoke of before. Whose ratio it is comes from the side (or a
/// side's aircraft) named before it; two ratios of the same side conflict when their intervals do not overlap.
/// </summary>
internal sealed class RatioKind(ClaimLexicon lexicon) : IClaimKind
{
    public ClaimKind Kind => ClaimKind.Ratio;

    public void Extract(TaggedText doc, List<Claim> claims)
    {
        var tokens = doc.Tokens;
        Claim? previous = null;
        for (var k = 0; k < tokens.Tokens.Length; k++)
        {
            if (!QuantityScanner.TryRatioTerm(tokens, lexicon, k, out var first, out var last) || JoinedToOne(doc, last + 1) is not { } end)
            {
                continue;
            }

            var start = tokens.Tokens[k].Start;
            var sentence = tokens.SentenceOf(start);
            var clause = tokens.ClauseOf(start);
            var cue = doc.RatioCues.LastOrDefault(c => c.Start >= sentence.Start && c.End <= start);
            SideInfo? agent;
            if (cue.End > 0)
            {
                agent = AgentBefore(doc, clause, sentence, cue.Start);
            }
            else if (previous is not null)
            {
                // "it was closer to three to one": the ratio the passage spoke of before.
                agent = previous.Agent is { } id ? lexicon.Sides.GetValueOrDefault(id) : null;
            }
            else
            {
                continue;
            }

            var (boundStart, bound) = QuantityScanner.BoundBefore(tokens, lexicon, k);
            var isApproximate = bound?.Kind is BoundKind.Approx or BoundKind.JustOver or BoundKind.JustUnder;
            var w = lexicon.ApproxWidening;
            var valueStart = boundStart >= 0 ? tokens.Tokens[boundStart].Start : start;
            var cues = ClauseCues.Read(doc, clause, sentence, start, maxNegationGap: 4, negationStopsAtComma: true);
            var statement = StatementSpan.Of(doc, clause, Math.Min(cue.End > 0 && cue.Start >= clause.Start ? cue.Start : start, valueStart), end);
            var figure = QuantityScanner.Format(first);
            var claim = new Claim
            {
                Kind = ClaimKind.Ratio,
                Start = statement.Start,
                End = statement.End,
                ValueStart = valueStart,
                ValueEnd = end,
                Value = (isApproximate ? "about " : "") + figure + ":1",
                Low = isApproximate ? first * (1 - w) : first,
                High = isApproximate ? first * (1 + w) : first,
                IsApproximate = isApproximate,
                Agent = agent?.Id,
                Attribute = "ratio",
                IsNegated = cues.IsNegated,
                IsRebutted = cues.IsRebutted,
                Cues = cues.Words,
            };
            claims.Add(claim);
            previous = claim;
            k = tokens.TokenAt(end) - 1;
        }
    }

    /// <summary>Where "… to one" or ": 1" ends, when token <paramref name="k"/> starts a joiner followed by one.</summary>
    private int? JoinedToOne(TaggedText doc, int k)
    {
        var tokens = doc.Tokens;
        if (k < tokens.Tokens.Length && IsHyphen(doc, k))
        {
            k++;
        }

        if (k >= tokens.Tokens.Length || !lexicon.RatioJoiners.Contains(tokens.Span(tokens.Tokens[k]).ToString()))
        {
            return null;
        }

        k++;
        if (k < tokens.Tokens.Length && IsHyphen(doc, k))
        {
            k++;
        }

        return QuantityScanner.TryRatioTerm(tokens, lexicon, k, out var second, out var last) && second == 1 ? tokens.Tokens[last].End : null;
    }

    private static bool IsHyphen(TaggedText doc, int k) =>
        doc.Tokens.Tokens[k].Kind == TokenKind.Punct && TermMatcher<int>.IsHyphen(doc.Tokens.Span(doc.Tokens.Tokens[k])[0]);

    /// <summary>Whose ratio: the first side named in the clause before the cue, else a side's aircraft or pilots in the sentence ("F-86 pilots … with a kill ratio").</summary>
    private static SideInfo? AgentBefore(TaggedText doc, Segment clause, Segment sentence, int cueStart) =>
        SideFinder.FirstSide(doc, clause.Start, cueStart, (0, 0), null)?.Value.Side?.Actor
        ?? SideFinder.SideThingBefore(doc, sentence.Start, cueStart, null)
        ?? SideFinder.FirstSide(doc, sentence.Start, cueStart, (0, 0), null)?.Value.Side?.Actor;

    public PairResult Compare(Claim a, Claim b)
    {
        if (a.IsNegated || b.IsNegated || a.Agent is null || b.Agent is null
            || !lexicon.Sides.TryGetValue(a.Agent, out var sa) || !lexicon.Sides.TryGetValue(b.Agent, out var sb)
            || Relations.Sides(sa, false, sb, false) != Relation.Equal)
        {
            return PairResult.Unrelated;
        }

        if (!Relations.Below(a, b) && !Relations.Below(b, a))
        {
            return PairResult.Compatible;
        }

        return new PairResult(PairVerdict.Conflict, $"the {sa.Label} kill ratio", $"the sources give ratios that do not overlap: {a.Value} vs {b.Value}");
    }

    public bool IsAsked(QuestionFrame frame) => frame.AsksRatio;

    public bool IsRelevant(QuestionFrame frame, Claim claim) =>
        frame.War is null && (frame.RatioAgent is null || claim.Agent is null || !lexicon.Sides.TryGetValue(claim.Agent, out var agent)
        || Relations.Sides(frame.RatioAgent, false, agent, false) != Relation.Disjoint);

    public bool Answers(QuestionFrame frame, Claim a, Claim b) => true;
}
