using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Claims;

internal enum Relation
{
    Equal,
    FirstBroader,
    SecondBroader,
    Disjoint,
}

/// <summary>How two claims from different sources relate (disagreements.md §2.5–2.6).</summary>
internal enum PairVerdict
{
    Unrelated,
    Compatible,
    DifferentScope,
    DifferentPeriod,
    Conflict,
    DifferentMeasure,
    ChangeOverTime,
}

internal sealed record PairResult(PairVerdict Verdict, string Topic = "", string Note = "")
{
    public static readonly PairResult Unrelated = new(PairVerdict.Unrelated);
    public static readonly PairResult Compatible = new(PairVerdict.Compatible);
    public static readonly PairResult DifferentScope = new(PairVerdict.DifferentScope);
    public static readonly PairResult DifferentPeriod = new(PairVerdict.DifferentPeriod);

    public DisagreementKind? Kind => Verdict switch
    {
        PairVerdict.Conflict => DisagreementKind.Conflict,
        PairVerdict.DifferentMeasure => DisagreementKind.DifferentMeasure,
        PairVerdict.ChangeOverTime => DisagreementKind.ChangeOverTime,
        _ => null,
    };
}

/// <summary>
/// Compares two claims. Only a functional slot can contradict: same measure group, related counted things, aligned
/// sides, the same period and scope. Then claims against records is a different measure, "initially/eventually" is a
/// change over time, and only disjoint intervals (vague ones by a factor of two) are a conflict.
/// </summary>
internal static class ClaimComparer
{
    public static PairResult Compare(Claim a, Claim b, ClaimLexicon lexicon)
    {
        if (a.Kind != b.Kind || a.IsRebutted || b.IsRebutted)
        {
            return PairResult.Unrelated;
        }

        return a.Kind switch
        {
            ClaimKind.Quantity => CompareQuantities(a, b, lexicon),
            ClaimKind.Attribute => CompareAttributes(a, b, lexicon),
            _ => CompareEvents(a, b, lexicon),
        };
    }

    /// <summary>
    /// Two dates for the same "first" event of the same things: a conflict when the periods do not overlap. Sides
    /// must match as stated (all MiG-15s vs Chinese units is another event); an unnamed place matches any.
    /// </summary>
    private static PairResult CompareEvents(Claim a, Claim b, ClaimLexicon lexicon)
    {
        if (a.Attribute is null || a.Attribute != b.Attribute || !lexicon.Events.TryGetValue(a.Attribute, out var ev)
            || a.Thing is null || b.Thing is null || a.Time is null || b.Time is null
            || !lexicon.Things.TryGetValue(a.Thing, out var ta) || !lexicon.Things.TryGetValue(b.Thing, out var tb)
            || RelateThings(ta, tb) != Relation.Equal)
        {
            return PairResult.Unrelated;
        }

        var sa = a.Side is null ? null : lexicon.Sides.GetValueOrDefault(a.Side);
        var sb = b.Side is null ? null : lexicon.Sides.GetValueOrDefault(b.Side);
        if (RelateSides(sa, false, sb, false) != Relation.Equal
            || (a.AttributeValue is not null && b.AttributeValue is not null && a.AttributeValue != b.AttributeValue
                && !ValuesNested(a.AttributeValue, b.AttributeValue, lexicon)))
        {
            return PairResult.Unrelated;
        }

        if (a.Time.To >= b.Time.From && b.Time.To >= a.Time.From)
        {
            return PairResult.Compatible;
        }

        var topic = ev.Topic.Replace("{thing}", ta.Label, StringComparison.Ordinal);
        return new PairResult(PairVerdict.Conflict, topic, $"the sources give different dates for the {ev.Label}");
    }

    private static PairResult CompareQuantities(Claim a, Claim b, ClaimLexicon lexicon)
    {
        if (a.IsNegated || b.IsNegated
            || a.Measure is null || b.Measure is null
            || !lexicon.Measures.TryGetValue(a.Measure, out var ma) || !lexicon.Measures.TryGetValue(b.Measure, out var mb)
            || ma.Group != mb.Group
            || a.Thing is null || b.Thing is null
            || !lexicon.Things.TryGetValue(a.Thing, out var ta) || !lexicon.Things.TryGetValue(b.Thing, out var tb))
        {
            return PairResult.Unrelated;
        }

        var thingRelation = RelateThings(ta, tb);
        var sa = a.Side is null ? null : lexicon.Sides.GetValueOrDefault(a.Side);
        var sb = b.Side is null ? null : lexicon.Sides.GetValueOrDefault(b.Side);
        // Whose aircraft an attacker shot down is the attacker's attribution ("UN aircraft", "enemy planes"): against
        // the owner's own loss figure it aligns within the bloc, as an inferred side does.
        var looseA = a.IsSideInferred || (ma.IsAttackerView && !mb.IsAttackerView);
        var looseB = b.IsSideInferred || (mb.IsAttackerView && !ma.IsAttackerView);
        var sideRelation = RelateSides(sa, looseA, sb, looseB);
        if (thingRelation == Relation.Disjoint || sideRelation == Relation.Disjoint)
        {
            return PairResult.Unrelated;
        }

        if (!SameTime(a.Time, b.Time))
        {
            return PairResult.DifferentPeriod;
        }

        var sameMeasure = a.Measure == b.Measure;
        // Kill figures are the attacker's claims whatever the wording ("records credit … victories"): claim vs
        // record only separates measures when one side counts its own losses.
        var statusDiffers = IsClaimOrRecord(a.Status) && IsClaimOrRecord(b.Status) && a.Status != b.Status
            && !(ma.IsAttackerView && mb.IsAttackerView);
        foreach (var group in (ReadOnlySpan<string>)["per", "rate", "peak"])
        {
            if (ScopeValue(a.Scope, group) != ScopeValue(b.Scope, group))
            {
                return PairResult.DifferentScope;
            }
        }

        // One unit within all forces, or one battle within the whole war, is a nesting like MiG-15s within all
        // aircraft; two different units or battles are not comparable.
        var unitA = ScopeValue(a.Scope, "unit");
        var unitB = ScopeValue(b.Scope, "unit");
        var unitRelation = Nesting(unitA, unitB);
        var episodeRelation = Nesting(ScopeValue(a.Scope, "episode"), ScopeValue(b.Scope, "episode"));
        if (unitRelation == Relation.Disjoint || episodeRelation == Relation.Disjoint)
        {
            return PairResult.DifferentScope;
        }

        var causeA = ScopeValue(a.Scope, "cause");
        var causeB = ScopeValue(b.Scope, "cause");
        if (sameMeasure && !statusDiffers ? causeA != causeB : causeA is not null && causeB is not null && causeA != causeB)
        {
            return PairResult.DifferentScope;
        }

        // Nested slots (MiG-15s within all aircraft; Soviet within all communist forces) only contradict when the
        // part exceeds the whole.
        var broader = Combine(Combine(Combine(thingRelation, sideRelation), unitRelation), episodeRelation);
        switch (broader)
        {
            case Relation.Disjoint:
                return PairResult.DifferentScope;
            case Relation.FirstBroader when !Below(a, b):
            case Relation.SecondBroader when !Below(b, a):
                return PairResult.DifferentScope;
            case Relation.Equal when !Below(a, b) && !Below(b, a):
                return PairResult.Compatible;
        }

        var thingLabel = (thingRelation == Relation.SecondBroader ? tb : ta).Label;
        var sideForTopic = sideRelation == Relation.SecondBroader || (sa is null) ? sb : sa;
        if (sa is not null && sb is not null && sideRelation == Relation.Equal && sa != sb)
        {
            sideForTopic = IsAncestor(sa, sb) ? sa : IsAncestor(sb, sa) ? sb : sa.Root;
        }

        var topic = string.Join(' ', new[] { sideForTopic?.Label, thingLabel, ma.GroupTopic }.Where(s => !string.IsNullOrEmpty(s)));
        if (a.Phase != b.Phase)
        {
            return new PairResult(PairVerdict.ChangeOverTime, topic, $"the figures may describe different times (“{PhaseCue(a, b)}”)");
        }

        if (!sameMeasure || statusDiffers)
        {
            var note = $"{Describe(a, ma, lexicon)} vs {Describe(b, mb, lexicon)}";
            if (thingRelation != Relation.Equal)
            {
                note += $"; one counts {ta.Label}, the other {tb.Label}";
            }

            if (unitRelation != Relation.Equal)
            {
                note += $"; one covers the {UnitLabel(unitA ?? unitB!)} only";
            }

            return new PairResult(PairVerdict.DifferentMeasure, topic, note);
        }

        var conflictNote = a.IsApproximate || b.IsApproximate || a.IsVague || b.IsVague
            ? "the sources give figures that do not overlap even allowing for rounding"
            : "the sources give different figures for the same count";
        return new PairResult(PairVerdict.Conflict, topic, conflictNote);
    }

    private static PairResult CompareAttributes(Claim a, Claim b, ClaimLexicon lexicon)
    {
        if (a.Attribute is null || a.Attribute != b.Attribute || !lexicon.Attributes.TryGetValue(a.Attribute, out var attribute))
        {
            return PairResult.Unrelated;
        }

        var unitA = ScopeValue(a.Scope, "unit");
        if (unitA != ScopeValue(b.Scope, "unit") || a.Side != b.Side)
        {
            return PairResult.Unrelated;
        }

        var subject = unitA is not null ? UnitLabel(unitA) : a.Side is not null && lexicon.Sides.TryGetValue(a.Side, out var side) ? side.Label : "";
        var topic = attribute.Topic.Replace("{subject}", subject, StringComparison.Ordinal);
        var sameValue = a.AttributeValue == b.AttributeValue || ValuesNested(a.AttributeValue, b.AttributeValue, lexicon);
        if (sameValue)
        {
            if (a.IsNegated == b.IsNegated)
            {
                return PairResult.Compatible;
            }

            var affirmed = a.IsNegated ? b : a;
            return new PairResult(PairVerdict.Conflict, topic, $"one source affirms {affirmed.Value} {attribute.Label}, the other denies it");
        }

        if (a.IsNegated || b.IsNegated)
        {
            return PairResult.Compatible;
        }

        if (a.Phase != b.Phase || (a.Time is { Kind: not TimeScopeKind.Whole } && b.Time is { Kind: not TimeScopeKind.Whole } && !SameTime(a.Time, b.Time)))
        {
            var cue = a.Phase != b.Phase ? PhaseCue(a, b) : "different dates";
            return new PairResult(PairVerdict.ChangeOverTime, topic, $"the {attribute.Label} may have changed over time (“{cue}”)");
        }

        return new PairResult(PairVerdict.Conflict, topic, $"the sources name different {attribute.Label}: {a.Value} vs {b.Value}");
    }

    private static string PhaseCue(Claim a, Claim b)
    {
        var withPhase = a.Phase != ClaimPhase.None ? a : b;
        return withPhase.Cues.Count > 0 ? withPhase.Cues[^1] : withPhase.Phase == ClaimPhase.Early ? "initially" : "eventually";
    }

    private static string Describe(Claim claim, MeasureInfo measure, ClaimLexicon lexicon)
    {
        static string? LabelOf(string? id, ClaimLexicon lexicon) => id is not null && lexicon.Sides.TryGetValue(id, out var s) ? s.Label : null;
        var status = claim.Status switch
        {
            "claim" => "claimed",
            "record" => "recorded",
            "estimate" => "estimated",
            _ => null,
        };
        if (measure.IsAttackerView)
        {
            var by = LabelOf(claim.Agent, lexicon);
            return claim.Status == "record"
                ? by is null ? "kills in records" : $"kills by {by} forces in records"
                : by is null ? "kills claimed" : $"kills claimed by {by} forces";
        }

        var owner = LabelOf(claim.Side, lexicon);
        var what = status is null ? measure.Label : $"{measure.Label} {status}";
        return owner is null ? what : $"{what} for {owner} forces";
    }

    private static bool IsClaimOrRecord(string? status) => status is "claim" or "record";

    /// <summary>Is <paramref name="x"/> entirely below <paramref name="y"/>? Vague magnitudes need a factor of two.</summary>
    internal static bool Below(Claim x, Claim y)
    {
        var high = x.High ?? double.PositiveInfinity;
        if (x.IsVague || y.IsVague)
        {
            return high * 2 < y.Low;
        }

        return high < y.Low || (high == y.Low && (x.IsHighExclusive || y.IsLowExclusive));
    }

    private static Relation Nesting(string? a, string? b) =>
        a == b ? Relation.Equal : a is null ? Relation.FirstBroader : b is null ? Relation.SecondBroader : Relation.Disjoint;

    private static Relation Combine(Relation things, Relation sides) => (things, sides) switch
    {
        (Relation.Equal, var s) => s,
        (var t, Relation.Equal) => t,
        var (t, s) when t == s => t,
        _ => Relation.Disjoint,
    };

    internal static bool SameTime(TimeScope? a, TimeScope? b)
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

    internal static string? ScopeValue(IReadOnlyList<string> scope, string group)
    {
        foreach (var s in scope)
        {
            if (s.Length > group.Length && s.StartsWith(group, StringComparison.Ordinal) && s[group.Length] == ':')
            {
                return s[(group.Length + 1)..];
            }

            if (s == group)
            {
                return s;
            }
        }

        return null;
    }

    internal static Relation RelateThings(ThingInfo a, ThingInfo b)
    {
        if (a == b || (a.Parent == b && b.IsFamily) || (b.Parent == a && a.IsFamily))
        {
            return Relation.Equal;
        }

        return ClaimExtractor.IsAncestor(a, b) ? Relation.FirstBroader
            : ClaimExtractor.IsAncestor(b, a) ? Relation.SecondBroader
            : Relation.Disjoint;
    }

    /// <summary>
    /// Sides align when equal, or when one was only inferred (from "MiG" or "enemy") and both are in the same bloc;
    /// a stated side inside a stated wider one (Soviet within communist) is a scope difference.
    /// </summary>
    internal static Relation RelateSides(SideInfo? a, bool aInferred, SideInfo? b, bool bInferred)
    {
        if (a is null || b is null)
        {
            return a is null && b is null ? Relation.Equal : Relation.Disjoint;
        }

        if (a == b || ((aInferred || bInferred) && a.Root == b.Root))
        {
            return Relation.Equal;
        }

        return IsAncestor(a, b) ? Relation.FirstBroader : IsAncestor(b, a) ? Relation.SecondBroader : Relation.Disjoint;
    }

    private static bool IsAncestor(SideInfo ancestor, SideInfo side)
    {
        for (var s = side.Parent; s is not null; s = s.Parent)
        {
            if (s == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    internal static bool ValuesNested(string? a, string? b, ClaimLexicon lexicon)
    {
        if (a is null || b is null)
        {
            return false;
        }

        if (lexicon.Places.TryGetValue(a, out var pa) && lexicon.Places.TryGetValue(b, out var pb))
        {
            return Within(pa, pb) || Within(pb, pa);
        }

        return lexicon.Sides.TryGetValue(a, out var sa) && lexicon.Sides.TryGetValue(b, out var sb) && (IsAncestor(sa, sb) || IsAncestor(sb, sa));

        static bool Within(PlaceInfo inner, PlaceInfo outer)
        {
            for (var p = inner.Parent; p is not null; p = p.Parent)
            {
                if (p == outer)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static string UnitLabel(string key)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !int.TryParse(key.AsSpan(0, space), System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return key;
        }

        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return $"{n}{suffix}{key[space..]}";
    }
}
