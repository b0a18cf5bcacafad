using HonchoBot.Core.Claims.Lexicon;

namespace HonchoBot.Core.Claims.Kinds;

/// <summary>The comparisons every kind shares: things, sides, places, periods and intervals.</summary>
internal static class Relations
{
    public static Relation Things(ThingInfo a, ThingInfo b)
    {
        if (a == b || (a.Parent == b && b.IsFamily) || (b.Parent == a && a.IsFamily))
        {
            return Relation.Equal;
        }

        return b.IsWithin(a) ? Relation.FirstBroader
            : a.IsWithin(b) ? Relation.SecondBroader
            : Relation.Disjoint;
    }

    /// <summary>
    /// Sides align when equal, or when one was only inferred (from "MiG" or "enemy") and both are in the same bloc;
    /// a stated side inside a stated wider one (Soviet within communist) is a scope difference.
    /// </summary>
    public static Relation Sides(SideInfo? a, bool aInferred, SideInfo? b, bool bInferred)
    {
        if (a is null || b is null)
        {
            return a is null && b is null ? Relation.Equal : Relation.Disjoint;
        }

        if (a == b || ((aInferred || bInferred) && a.Root == b.Root))
        {
            return Relation.Equal;
        }

        return b.IsWithin(a) ? Relation.FirstBroader : a.IsWithin(b) ? Relation.SecondBroader : Relation.Disjoint;
    }

    /// <summary>Two values of an attribute where one contains the other (Antung within Manchuria; Soviet within communist).</summary>
    public static bool ValuesNested(string? a, string? b, ClaimLexicon lexicon)
    {
        if (a is null || b is null)
        {
            return false;
        }

        if (lexicon.Places.TryGetValue(a, out var pa) && lexicon.Places.TryGetValue(b, out var pb))
        {
            return pa.IsWithin(pb) || pb.IsWithin(pa);
        }

        return lexicon.Sides.TryGetValue(a, out var sa) && lexicon.Sides.TryGetValue(b, out var sb) && (sb.IsWithin(sa) || sa.IsWithin(sb));
    }

    /// <summary>A named slot (unit, battle) against none: none is the broader (all forces, the whole war).</summary>
    public static Relation Nesting(string? a, string? b) =>
        a == b ? Relation.Equal : a is null ? Relation.FirstBroader : b is null ? Relation.SecondBroader : Relation.Disjoint;

    /// <summary>Two relations of one pair combined: broader in one slot and narrower in another is no nesting at all.</summary>
    public static Relation Combine(Relation first, Relation second) => (first, second) switch
    {
        (Relation.Equal, var s) => s,
        (var t, Relation.Equal) => t,
        var (t, s) when t == s => t,
        _ => Relation.Disjoint,
    };

    public static bool SameTime(TimeScope? a, TimeScope? b)
    {
        if (a is null || b is null)
        {
            return (a ?? b) is null or { Kind: TimeScopeKind.Whole };
        }

        if (a.Kind == TimeScopeKind.Whole || b.Kind == TimeScopeKind.Whole)
        {
            return a.Kind == b.Kind;
        }

        return a.From == b.From && a.To == b.To && (a.Kind == TimeScopeKind.By) == (b.Kind == TimeScopeKind.By);
    }

    /// <summary>Is <paramref name="x"/> entirely below <paramref name="y"/>? Vague magnitudes need a factor of two.</summary>
    public static bool Below(Claim x, Claim y)
    {
        var high = x.High ?? double.PositiveInfinity;
        if (x.IsVague || y.IsVague)
        {
            return high * 2 < y.Low;
        }

        return high < y.Low || (high == y.Low && (x.IsHighExclusive || y.IsLowExclusive));
    }

    /// <summary>The change-over-time cue to quote: the one that fired on either claim.</summary>
    public static string PhaseCue(Claim a, Claim b)
    {
        var withPhase = a.Phase != ClaimPhase.None ? a : b;
        return withPhase.Cues.Count > 0 ? withPhase.Cues[^1] : withPhase.Phase == ClaimPhase.Early ? "initially" : "eventually";
    }
}
