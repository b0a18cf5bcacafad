using HonchoBot.Core.Claims.Lexicon;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Extraction;

/// <summary>The frame cues nearest a figure in its clause: measure, cause scope, epistemic status, unit and battle.</summary>
internal static class FrameCues
{
    public static MeasureInfo? NearestMeasure(TaggedText doc, Atom atom, Segment clause)
    {
        MeasureInfo? best = null;
        var bestDistance = int.MaxValue;
        foreach (var hit in doc.Measures)
        {
            if (hit.Start < clause.Start || hit.End > clause.End || (hit.Start < atom.End && hit.End > atom.Start))
            {
                continue;
            }

            // Ties go to the cue before the figure (the verb): "lost 335 planes".
            var distance = hit.End <= atom.Start
                ? doc.TokensBetween(hit.End, atom.Start) * 2
                : (doc.TokensBetween(atom.End, hit.Start) * 2) + 1;
            if (distance < bestDistance)
            {
                best = hit.Value.Measure;
                bestDistance = distance;
            }
        }

        return best;
    }

    public static ScopeInfo? NearestScope(TaggedText doc, Atom atom, Segment clause)
    {
        ScopeInfo? best = null;
        var bestDistance = int.MaxValue;
        foreach (var hit in doc.Scopes)
        {
            if (hit.Start < clause.Start || hit.End > clause.End)
            {
                continue;
            }

            var distance = hit.End <= atom.Start ? doc.TokensBetween(hit.End, atom.Start) : doc.TokensBetween(atom.End, hit.Start);
            if (distance < bestDistance)
            {
                best = hit.Value;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The nearest epistemic cue in the clause, else the last one earlier in the sentence.</summary>
    public static ClaimStatus NearestStatus(TaggedText doc, Atom atom, Segment clause, Segment sentence)
    {
        var best = ClaimStatus.Unknown;
        var bestDistance = int.MaxValue;
        foreach (var hit in doc.Epistemic)
        {
            if (hit.Start < clause.Start || hit.End > clause.End || (hit.Start < atom.End && hit.End > atom.Start))
            {
                continue;
            }

            var distance = hit.End <= atom.Start ? doc.TokensBetween(hit.End, atom.Start) : doc.TokensBetween(atom.End, hit.Start);
            if (distance < bestDistance)
            {
                best = hit.Value;
                bestDistance = distance;
            }
        }

        if (best != ClaimStatus.Unknown)
        {
            return best;
        }

        foreach (var hit in doc.Epistemic)
        {
            if (hit.Start >= sentence.Start && hit.End <= clause.Start)
            {
                best = hit.Value;
            }
        }

        return best;
    }

    /// <summary>The cause an agent in the clause implies ("pilots shot down" → air-to-air), other than the counted things.</summary>
    public static string? AgentScope(TaggedText doc, Segment clause, TermHit<ThingInfo>? counted, HashSet<int> countedStarts)
    {
        foreach (var hit in doc.Things)
        {
            if (hit.Start >= clause.Start && hit.End <= clause.End && hit.Value.AgentScope is { } scope
                && hit.Start != counted?.Start && !countedStarts.Contains(hit.Start))
            {
                return scope;
            }
        }

        return null;
    }

    /// <summary>A unit (or battle) named in the clause, else earlier in the sentence before <paramref name="before"/>.</summary>
    public static UnitHit? UnitIn(List<UnitHit> hits, Segment clause, Segment sentence, int before)
    {
        UnitHit? inSentence = null;
        foreach (var unit in hits)
        {
            if (unit.Start >= clause.Start && unit.End <= clause.End)
            {
                return unit;
            }

            if (unit.Start >= sentence.Start && unit.End <= clause.Start && unit.End <= before)
            {
                inSentence = unit;
            }
        }

        return inSentence;
    }
}
