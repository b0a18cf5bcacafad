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
}
