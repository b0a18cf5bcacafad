namespace HonchoBot.Core.Claims;

// The counted thing of a figure (disagreements.md §2.3): the noun phrase after it, a thing a measure noun implies,
// or the subject before it.
public sealed partial class ClaimExtractor
{
    private const int ForwardWindow = 6;

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "in", "by", "to", "from", "with", "and", "or", "at", "on", "for", "during", "over", "than", "that",
        "which", "who", "were", "was", "is", "are", "had", "has", "have", "while", "but", "as", "into", "per", "each",
        "since", "until", "before", "after", "when", "whose", "including", "against", "among", "between",
        "did", "do", "does", "will", "would", "could", "can", "should", "might", "may", "be", "been", "being",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Stop = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <param name="Measure">Set when a measure noun supplied the thing ("315 dead"): it is then the measure too.</param>
    internal sealed record ThingFound(ThingInfo Thing, TermHit<ThingInfo>? Hit, int WindowEnd, TermHit<SideTerm>? Modifier, MeasureInfo? Measure);

    /// <summary>The counted thing: the head of the noun phrase after the figure, or a thing implied by a measure noun
    /// ("139 air-to-air losses"), or the subject before a figure that ends its clause ("numbered in the hundreds").</summary>
    private static ThingFound? FindThing(TaggedText doc, List<Atom> atoms, int atomIndex)
    {
        var atom = atoms[atomIndex];
        var clause = doc.Tokens.ClauseOf(atom.Start);
        var nextAtomStart = atomIndex + 1 < atoms.Count ? atoms[atomIndex + 1].Start : int.MaxValue;
        var (found, count) = NounPhrase(doc, atom.LastToken + 1, atom.End, Math.Min(clause.End, nextAtomStart), atom.IsVague);
        if (found is not null || count > 0)
        {
            return found;
        }

        // "The MiG-15s soon numbered in the hundreds." / "the number of pilots killed at 120".
        TermHit<ThingInfo>? before = null;
        foreach (var hit in doc.Things)
        {
            if (hit.Start >= clause.Start && hit.End <= atom.Start)
            {
                before = hit;
            }
        }

        if (before is not { } b)
        {
            return null;
        }

        TermHit<SideTerm>? mod = null;
        foreach (var s in doc.Sides)
        {
            if (s.End <= b.Start && doc.TokensBetween(s.End, b.Start) <= 1 && s.Start >= clause.Start)
            {
                mod = s;
            }
        }

        return new ThingFound(b.Value, b, atom.End, mod, null);
    }

    /// <summary>
    /// Walks the noun phrase starting at token <paramref name="k"/>: its head is the most specific counted thing on one
    /// branch of the hierarchy, else the last ("9 fighter divisions" → divisions); side words in it are modifiers.
    /// </summary>
    internal static (ThingFound? Found, int Count) NounPhrase(TaggedText doc, int k, int from, int limit, bool allowOf)
    {
        var tokens = doc.Tokens.Tokens;
        TermHit<ThingInfo>? best = null;
        TermHit<SideTerm>? modifier = null;
        MeasureTerm? implied = null;
        ThingInfo? scopeImplied = null;
        var sawMeasure = false;
        var count = 0;
        var depth = 0;
        var windowEnd = from;
        while (k < tokens.Length && tokens[k].Start < limit && count < ForwardWindow)
        {
            var token = tokens[k];
            var word = doc.Tokens.Span(token);
            if (token.Kind == TokenKind.Punct && word[0] == '(')
            {
                depth++;
                k++;
                continue;
            }

            if (token.Kind == TokenKind.Punct && word[0] == ')')
            {
                depth = Math.Max(0, depth - 1);
                k++;
                continue;
            }

            if (depth > 0)
            {
                k++;
                continue;
            }

            if (HitAt(doc.Things, token.Start) is { } thingHit)
            {
                best = best is { } b && IsAncestor(thingHit.Value, b.Value) ? b : thingHit;
                k = doc.Tokens.TokenAt(thingHit.End);
            }
            else if (HitAt(doc.Scopes, token.Start) is { } scopeHit)
            {
                scopeImplied ??= scopeHit.Value.ImpliedThing;
                k = doc.Tokens.TokenAt(scopeHit.End);
            }
            else if (HitAt(doc.Sides, token.Start) is { } sideHit)
            {
                modifier ??= sideHit;
                k = doc.Tokens.TokenAt(sideHit.End);
            }
            else if (HitAt(doc.Measures, token.Start) is { } measureHit)
            {
                sawMeasure = true;
                if (measureHit.Value.ImpliedThing is not null)
                {
                    implied ??= measureHit.Value;
                }

                k = doc.Tokens.TokenAt(measureHit.End);
            }
            else if (token.Kind == TokenKind.Punct && !TermMatcher<int>.IsHyphen(word[0]))
            {
                break;
            }
            else if (Stop.Contains(word) && !(allowOf && count == 0 && word.Equals("of", StringComparison.OrdinalIgnoreCase)))
            {
                break;
            }
            else
            {
                k++;
            }

            windowEnd = tokens[k - 1].End;
            count++;
        }

        if (best is { } found)
        {
            return (new ThingFound(found.Value, found, windowEnd, modifier, null), count);
        }

        if (implied is not null)
        {
            return (new ThingFound(implied.ImpliedThing!, null, windowEnd, modifier, implied.Measure), count);
        }

        return (sawMeasure && scopeImplied is not null ? new ThingFound(scopeImplied, null, windowEnd, modifier, null) : null, count);
    }

    internal static bool IsAncestor(ThingInfo ancestor, ThingInfo thing)
    {
        for (var t = thing.Parent; t is not null; t = t.Parent)
        {
            if (t == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
