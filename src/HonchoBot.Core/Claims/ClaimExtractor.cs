namespace HonchoBot.Core.Claims;

/// <summary>Finds the checkable claims in one passage; run once per passage at index time.</summary>
public interface IClaimExtractor
{
    /// <summary>The claims in <paramref name="passageText"/>; every span is a character offset into it.</summary>
    IReadOnlyList<Claim> Extract(string passageText);
}

/// <summary>
/// Rule-based claim extraction (disagreements.md §2.2–2.6): quantities as intervals, attached to a frame of counted
/// thing, measure, side, time, scope and epistemic status; and functional attributes with exclusive values. Pure
/// and thread-safe: all state is in the compiled <see cref="ClaimLexicon"/>.
/// </summary>
public sealed partial class ClaimExtractor(ClaimLexicon lexicon) : IClaimExtractor
{
    // One file per step: .Things (the counted thing), .Quantities, .Frame (nearest cues), .TimeScope, .Sides,
    // .Attributes and .Events. This file holds the entry point, the statement span and the shared hit-list helpers.

    private const int MaxStatement = 160;

    /// <inheritdoc />
    public IReadOnlyList<Claim> Extract(string passageText)
    {
        ArgumentNullException.ThrowIfNull(passageText);
        if (string.IsNullOrWhiteSpace(passageText))
        {
            return [];
        }

        var doc = TaggedText.Create(passageText, lexicon);
        var claims = new List<Claim>();
        var atoms = QuantityScanner.Scan(doc.Tokens, lexicon);
        if (atoms.Count > 0)
        {
            var counted = new ThingFound?[atoms.Count];
            var countedStarts = new HashSet<int>();
            for (var i = 0; i < atoms.Count; i++)
            {
                counted[i] = FindThing(doc, atoms, i);
                if (counted[i] is { Hit: { } hit })
                {
                    countedStarts.Add(hit.Start);
                }
            }

            for (var i = 0; i < atoms.Count; i++)
            {
                if (counted[i] is { } thing && BuildQuantity(doc, atoms[i], thing, countedStarts) is { } claim)
                {
                    claims.Add(claim);
                }
            }
        }

        AddAttributes(doc, claims);
        AddEvents(doc, claims);
        return claims;
    }

    /// <summary>The clause, trimmed of closing punctuation; a long clause is cut to the comma-separated parts that hold the claim.</summary>
    private static Segment Statement(TaggedText doc, Segment clause, int mustStart, int mustEnd)
    {
        var text = doc.Text;
        var start = clause.Start;
        var end = clause.End;
        if (end - start > MaxStatement)
        {
            var comma = text.LastIndexOf(", ", Math.Max(start, mustStart - 1), Math.Max(0, mustStart - start), StringComparison.Ordinal);
            if (comma >= start && comma + 2 <= mustStart)
            {
                start = comma + 2;
            }

            var next = mustEnd < end ? text.IndexOf(", ", mustEnd, end - mustEnd, StringComparison.Ordinal) : -1;
            if (next >= 0)
            {
                end = next;
            }
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?'))
        {
            end--;
        }

        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return new Segment(start, end);
    }

    private static bool Add(List<string> list, string item)
    {
        list.Add(item);
        return true;
    }

    private static TermHit<T>? HitAt<T>(List<TermHit<T>> hits, int start)
    {
        foreach (var hit in hits)
        {
            if (hit.Start == start)
            {
                return hit;
            }

            if (hit.Start > start)
            {
                break;
            }
        }

        return null;
    }

    private static TermHit<T>? FirstIn<T>(List<TermHit<T>> hits, int start, int end)
    {
        foreach (var hit in hits)
        {
            if (hit.Start >= start && hit.End <= end)
            {
                return hit;
            }
        }

        return null;
    }

    private static bool AnyIn<T>(List<TermHit<T>> hits, int start, int end) => FirstIn(hits, start, end) is not null;

    private static TermHit<T>? LastBefore<T>(List<TermHit<T>> hits, int start, int end, Func<TermHit<T>, bool> accept)
    {
        TermHit<T>? found = null;
        foreach (var hit in hits)
        {
            if (hit.Start >= start && hit.End <= end && accept(hit))
            {
                found = hit;
            }
        }

        return found;
    }
}
