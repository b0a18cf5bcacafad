using HonchoBot.Core.Claims.Lexicon;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Extraction;

/// <summary>Who a claim is about: the subject side, a side-owning thing, the agent of a passive.</summary>
internal static class SideFinder
{
    /// <summary>The first actor named in [start, end): a non-place side first ("Soviet" before "China").</summary>
    public static TermHit<SideTerm>? FirstSide(TaggedText doc, int start, int end, (int Start, int End) skip, HashSet<int>? exclude)
    {
        TermHit<SideTerm>? place = null;
        foreach (var hit in doc.Sides)
        {
            if (hit.Start < start || hit.End > end || hit.Value.Side is null
                || (hit.Start >= skip.Start && hit.Start < skip.End) || (exclude?.Contains(hit.Start) ?? false))
            {
                continue;
            }

            if (!hit.Value.Side.IsPlace)
            {
                return hit;
            }

            place ??= hit;
        }

        return place;
    }

    /// <summary>A thing with a side named before the figure, other than the counted one ("Sabre pilots claimed …").</summary>
    public static SideInfo? SideThingBefore(TaggedText doc, int start, int end, TermHit<ThingInfo>? counted)
    {
        foreach (var hit in doc.Things)
        {
            if (hit.Start >= start && hit.End <= end && hit.Value.Side is not null && hit.Start != counted?.Start)
            {
                return hit.Value.Side;
            }
        }

        return null;
    }

    /// <summary>The agent of a passive ("were shot down by Soviet MiG pilots").</summary>
    public static SideInfo? ByAgent(TaggedText doc, ClaimLexicon lexicon, int from, int clauseEnd)
    {
        var tokens = doc.Tokens;
        for (var k = tokens.TokenAt(from); k < tokens.Tokens.Length && tokens.Tokens[k].Start < clauseEnd; k++)
        {
            var marker = Array.Find(lexicon.AgentMarkers, m => tokens.MatchesAt(k, m));
            if (marker is null)
            {
                continue;
            }

            var after = tokens.Tokens[k + marker.Length - 1].End;
            foreach (var hit in doc.Sides)
            {
                if (hit.Start >= after && hit.Value.Side is not null && doc.TokensBetween(after, hit.Start) <= 1)
                {
                    return hit.Value.Side.Actor;
                }
            }

            foreach (var hit in doc.Things)
            {
                if (hit.Start >= after && hit.Value.Side is not null && doc.TokensBetween(after, hit.Start) <= 1)
                {
                    return hit.Value.Side;
                }
            }
        }

        return null;
    }

    /// <summary>"They shot down …": the first actor of the sentence before, when a side pronoun precedes the figure.</summary>
    public static SideInfo? Pronoun(TaggedText doc, ClaimLexicon lexicon, Segment clause, int anchor)
    {
        var tokens = doc.Tokens;
        var hasPronoun = false;
        for (var k = tokens.TokenAt(clause.Start); k < tokens.Tokens.Length && tokens.Tokens[k].End <= anchor; k++)
        {
            hasPronoun |= lexicon.SidePronouns.Contains(tokens.Span(tokens.Tokens[k]).ToString());
        }

        if (!hasPronoun || tokens.SentenceBefore(tokens.SentenceOf(clause.Start)) is not { } previous)
        {
            return null;
        }

        return FirstSide(doc, previous.Start, previous.End, (0, 0), null)?.Value.Side?.Actor;
    }

    /// <summary>
    /// "Our losses": a source speaking in the first person speaks for the side its passage names most, when one
    /// side is named more often than any other.
    /// </summary>
    public static SideInfo? FirstPerson(TaggedText doc, Segment clause, int anchor)
    {
        // Inside a quotation "we" is the speaker's group, not the source's side.
        if (!doc.FirstPerson.Any(h => h.Start >= clause.Start && h.End <= anchor) || IsQuoted(doc.Text, doc.Tokens.SentenceOf(anchor), anchor))
        {
            return null;
        }

        var counts = doc.Sides.Where(h => h.Value.Side is not null).GroupBy(h => h.Value.Side!.Actor)
            .Select(g => (Side: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ToList();
        return counts.Count > 0 && (counts.Count == 1 || counts[0].Count > counts[1].Count) ? counts[0].Side : null;
    }

    /// <summary>Is the figure's subject a pronoun for a side ("they", "we") rather than a named actor?</summary>
    public static bool HasPronounSubject(TaggedText doc, ClaimLexicon lexicon, Segment clause, int anchor)
    {
        var tokens = doc.Tokens;
        for (var k = tokens.TokenAt(clause.Start); k < tokens.Tokens.Length && tokens.Tokens[k].End <= anchor; k++)
        {
            if (lexicon.SidePronouns.Contains(tokens.Span(tokens.Tokens[k]).ToString()))
            {
                return true;
            }
        }

        return doc.FirstPerson.Any(h => h.Start >= clause.Start && h.End <= anchor);
    }

    private static bool IsQuoted(string text, Segment sentence, int at)
    {
        var opens = 0;
        for (var i = sentence.Start; i < at; i++)
        {
            opens += text[i] switch { '“' => 1, '”' => -1, '"' => opens > 0 ? -1 : 1, _ => 0 };
        }

        return opens > 0;
    }
}
