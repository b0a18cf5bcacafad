using HonchoBot.Core.Claims.Lexicon;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Extraction;

/// <summary>
/// The counted thing of a figure: the noun phrase after it, a thing a measure noun implies, or the subject before
/// it. Questions use the same walk for what follows "how many".
/// </summary>
internal static class NounPhrases
{
    private const int ForwardWindow = 6;

    /// <summary>The counted thing: the head of the noun phrase after the figure, or a thing implied by a measure noun
    /// ("139 air-to-air losses"), or the subject before a figure that ends its clause ("numbered in the hundreds").</summary>
    /// <param name="earlier">The counted thing of the figure before in the same sentence: a bare figure after it
    /// counts the same ("claimed 900 aircraft; the Sabres accounted for 829").</param>
    /// <param name="isPart">The figure is a part of the one before ("of which 811 were MiGs"): a copula after it is skipped.</param>
    public static CountedThing? CountedBy(TaggedText doc, ClaimLexicon lexicon, List<Atom> atoms, int atomIndex, CountedThing? earlier, bool isPart)
    {
        var atom = atoms[atomIndex];
        var clause = doc.Tokens.ClauseOf(atom.Start);
        var nextAtomStart = atomIndex + 1 < atoms.Count ? atoms[atomIndex + 1].Start : int.MaxValue;
        var k = atom.LastToken + 1;
        if (isPart && k < doc.Tokens.Tokens.Length && lexicon.Copulas.Contains(doc.Tokens.Span(doc.Tokens.Tokens[k]).ToString()))
        {
            k++;
        }

        var (found, count) = Walk(doc, lexicon, k, atom.End, Math.Min(clause.End, nextAtomStart), atom.IsVague);
        if (found is not null || count > 0)
        {
            // "claimed 650 Sabres, but records show only 224 lost": a measure right after a bare figure counts the same things.
            var elliptic = k < doc.Tokens.Tokens.Length && HitLists.HitAt(doc.Measures, doc.Tokens.Tokens[k].Start) is not null;
            return found ?? (isPart || elliptic ? earlier : null);
        }

        if (earlier is not null)
        {
            return earlier with { Hit = null, Modifier = null };
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

        return new CountedThing(b.Value, b, atom.End, mod, null);
    }

    /// <summary>Is the figure introduced as a part of the one before ("of which", "among which")?</summary>
    public static bool IsPart(TaggedText doc, ClaimLexicon lexicon, Atom atom) =>
        Array.Exists(lexicon.SubsetMarkers, m => doc.Tokens.MatchesAt(atom.FirstToken - m.Length, m));

    /// <summary>
    /// Walks the noun phrase starting at token <paramref name="k"/>: its head is the most specific counted thing on one
    /// branch of the hierarchy, else the last ("9 fighter divisions" → divisions); side words in it are modifiers.
    /// </summary>
    public static (CountedThing? Found, int Count) Walk(TaggedText doc, ClaimLexicon lexicon, int k, int from, int limit, bool allowOf)
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
        var stops = lexicon.NounPhraseStops.GetAlternateLookup<ReadOnlySpan<char>>();
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

            if (HitLists.HitAt(doc.Things, token.Start) is { } thingHit)
            {
                best = best is { } b && b.Value.IsWithin(thingHit.Value) ? b : thingHit;
                k = doc.Tokens.TokenAt(thingHit.End);
            }
            else if (HitLists.HitAt(doc.Scopes, token.Start) is { } scopeHit)
            {
                scopeImplied ??= scopeHit.Value.ImpliedThing;
                k = doc.Tokens.TokenAt(scopeHit.End);
            }
            else if (HitLists.HitAt(doc.Sides, token.Start) is { } sideHit)
            {
                modifier ??= sideHit;
                k = doc.Tokens.TokenAt(sideHit.End);
            }
            else if (HitLists.HitAt(doc.Measures, token.Start) is { } measureHit)
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
            else if (stops.Contains(word) && !(allowOf && count == 0 && word.Equals("of", StringComparison.OrdinalIgnoreCase)))
            {
                break;
            }
            else if (best is null && implied is null && token.Kind == TokenKind.Word && LooksPlural(word))
            {
                // A plural noun the lexicon does not know heads the phrase: "four nations", "two minutes".
                count++;
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
            return (new CountedThing(found.Value, found, windowEnd, modifier, null), count);
        }

        if (implied is not null)
        {
            return (new CountedThing(implied.ImpliedThing!, null, windowEnd, modifier, implied.Measure), count);
        }

        return (sawMeasure && scopeImplied is not null ? new CountedThing(scopeImplied, null, windowEnd, modifier, null) : null, count);
    }

    /// <summary>Four letters or more ending in a plain "s" ("nations", not "was", "class" or "famous").</summary>
    private static bool LooksPlural(ReadOnlySpan<char> word) =>
        word.Length >= 4 && word[^1] is 's' or 'S' && word[^2] is not ('s' or 'u' or 'i' or '\'' or '’');
}
