using System.Globalization;
using HonchoBot.Core.Claims.Lexicon;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Extraction;

/// <summary>An event placed in a person's tally: between which of his victories it happened, as an interval.</summary>
/// <param name="Low">The victories he had at least scored when it happened.</param>
/// <param name="High">The victories he had at most scored when it happened.</param>
internal readonly record struct TallyAnchor(int Start, int End, double Low, double High, string Label);

/// <summary>
/// Reads "on the day McConnell shot down his eighth MiG" (seven or eight victories then) and "after claiming his ninth
/// victory" (nine) from a sentence: a relation word, "his", an ordinal and a tally noun.
/// </summary>
internal static class TallyAnchors
{
    private const int RelationReach = 6;

    public static TallyAnchor? In(TaggedText doc, ClaimLexicon lexicon, Segment sentence)
    {
        var tokens = doc.Tokens;
        for (var k = tokens.TokenAt(sentence.Start); k + 1 < tokens.Tokens.Length && tokens.Tokens[k].Start < sentence.End; k++)
        {
            if (!tokens.Is(k, "his") && !tokens.Is(k, "her") || Ordinal(doc, lexicon, k + 1) is not { } ordinal)
            {
                continue;
            }

            var noun = tokens.TokenAt(tokens.Tokens[ordinal.Last].End);
            if (noun >= tokens.Tokens.Length || HitLists.HitAt(doc.TallyNouns, tokens.Tokens[noun].Start) is not { } nounHit)
            {
                continue;
            }

            if (RelationBefore(doc, lexicon, k, sentence) is not { } relation)
            {
                continue;
            }

            var n = ordinal.Value;
            var (low, high) = relation switch
            {
                TallyRelation.After => (n, n),
                TallyRelation.SameDay => (n - 1, n),
                _ => (0, n - 1),
            };
            var label = relation switch
            {
                TallyRelation.After => string.Create(CultureInfo.InvariantCulture, $"after victory {n}"),
                TallyRelation.SameDay => string.Create(CultureInfo.InvariantCulture, $"on the day of victory {n}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"before victory {n}"),
            };
            return new TallyAnchor(tokens.Tokens[k].Start, nounHit.End, low, high, label);
        }

        return null;
    }

    private static (int Value, int Last)? Ordinal(TaggedText doc, ClaimLexicon lexicon, int k)
    {
        var tokens = doc.Tokens;
        var word = tokens.Span(tokens.Tokens[k]).ToString();
        if (lexicon.TallyOrdinals.TryGetValue(word, out var value))
        {
            return (value, k);
        }

        // "10th": digits and a suffix.
        return tokens.Tokens[k].Kind == TokenKind.Number && OrdinalSuffix.Follows(tokens, k)
            && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (number, k + 1)
            : null;
    }

    private static TallyRelation? RelationBefore(TaggedText doc, ClaimLexicon lexicon, int his, Segment sentence)
    {
        var tokens = doc.Tokens;
        for (var k = his - 1; k >= 0 && k >= his - RelationReach && tokens.Tokens[k].Start >= sentence.Start; k--)
        {
            foreach (var (phrase, relation) in lexicon.TallyRelations)
            {
                if (tokens.MatchesAt(k, phrase))
                {
                    return relation;
                }
            }
        }

        return null;
    }
}
