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
public sealed class ClaimExtractor(ClaimLexicon lexicon) : IClaimExtractor
{
    private const int ForwardWindow = 6;
    private const int MaxStatement = 160;

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "in", "by", "to", "from", "with", "and", "or", "at", "on", "for", "during", "over", "than", "that",
        "which", "who", "were", "was", "is", "are", "had", "has", "have", "while", "but", "as", "into", "per", "each",
        "since", "until", "before", "after", "when", "whose", "including", "against", "among", "between",
        "did", "do", "does", "will", "would", "could", "can", "should", "might", "may", "be", "been", "being",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Stop = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

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

    /// <summary>
    /// Dates of "first" events: a cue, the counted thing next to it and a month or year in the same clause
    /// ("The first MiG-15 combat patrols in the Korean theater began in November 1950").
    /// </summary>
    private void AddEvents(TaggedText doc, List<Claim> claims)
    {
        var seen = new HashSet<(string, int)>();
        foreach (var cue in doc.Events)
        {
            var clause = doc.Tokens.ClauseOf(cue.Start);
            DateHit? date = null;
            foreach (var d in doc.Dates)
            {
                if (d.Start >= clause.Start && d.End <= clause.End && d.Scope.Kind == TimeScopeKind.Period && d.Scope.From / 100 == d.Scope.To / 100)
                {
                    date = d;
                    break;
                }
            }

            TermHit<ThingInfo>? thing = null;
            var bestDistance = 4;
            foreach (var t in doc.Things)
            {
                if (t.Start < clause.Start || t.End > clause.End)
                {
                    continue;
                }

                var distance = t.End <= cue.Start ? doc.TokensBetween(t.End, cue.Start) : doc.TokensBetween(cue.End, t.Start);
                if (distance < bestDistance)
                {
                    thing = t;
                    bestDistance = distance;
                }
            }

            if (date is not { } when || thing is not { } th || !seen.Add((cue.Value.Id, th.Start)))
            {
                continue;
            }

            TermHit<SideTerm>? modifier = null;
            foreach (var s in doc.Sides)
            {
                if (s.End <= th.Start && s.Start >= clause.Start && doc.TokensBetween(s.End, th.Start) <= 1 && s.Value.Side is not null)
                {
                    modifier = s;
                }
            }

            var side = modifier?.Value.Side?.Actor ?? th.Value.Side;
            var place = FirstIn(doc.Places, clause.Start, clause.End);
            var scope = when.Scope;
            var month = scope.From % 100;
            var value = scope.From == scope.To ? $"{lexicon.MonthNames[month]} {scope.From / 100}" : (scope.From / 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var statement = Statement(doc, clause, Math.Min(Math.Min(cue.Start, th.Start), when.Start), Math.Max(Math.Max(cue.End, th.End), when.End));
            claims.Add(new Claim
            {
                Kind = ClaimKind.Event,
                Start = statement.Start,
                End = statement.End,
                ValueStart = when.Start,
                ValueEnd = when.End,
                Value = value,
                Thing = th.Value.Id,
                Side = side?.Id,
                IsSideInferred = modifier is null && side is not null,
                Time = scope,
                Attribute = cue.Value.Id,
                AttributeValue = place?.Value.Id,
                Cues = [doc.Text[cue.Start..cue.End]],
            });
        }
    }

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

    private Claim? BuildQuantity(TaggedText doc, Atom atom, ThingFound found, HashSet<int> countedStarts)
    {
        var clause = doc.Tokens.ClauseOf(atom.Start);
        var sentence = doc.Tokens.SentenceOf(atom.Start);
        var thing = found.Thing;

        var measure = thing.DefaultMeasure is { } forced ? lexicon.Measures[forced] : found.Measure ?? NearestMeasure(doc, atom, clause);
        if (measure is null)
        {
            return null;
        }

        // Sides (disagreements.md §2.3): a modifier of the counted thing ("enemy planes", "Chinese MiGs") wins; for
        // kills the subject is the attacker and the things belong to its opponent; otherwise the subject owns them.
        var modifierRegion = (Start: Math.Min(atom.End, found.Hit?.Start ?? atom.End), End: found.Hit?.Start ?? found.WindowEnd);
        var subject = FirstSide(doc, clause.Start, atom.Start, modifierRegion, exclude: null)
            ?? FirstSide(doc, sentence.Start, clause.Start, modifierRegion, exclude: null);
        var sideThing = SideThingBefore(doc, clause.Start, atom.Start, found.Hit);
        SideInfo? owner;
        var inferred = false;
        SideInfo? agent = null;
        if (measure.IsAttackerView)
        {
            agent = ByAgent(doc, atom.End, clause.End) ?? subject?.Value.Side?.Actor ?? sideThing;
            if (found.Modifier is { Value.Side: { } mod })
            {
                owner = mod.Actor;
            }
            else
            {
                owner = found.Modifier is not null ? agent?.OpponentOf : thing.Side ?? agent?.OpponentOf;
                inferred = owner is not null;
            }
        }
        else if (found.Modifier is { Value.Side: { } mod })
        {
            owner = mod.Actor;
        }
        else if (subject?.Value.Side is { } subjectSide)
        {
            owner = subjectSide.Actor;
        }
        else
        {
            owner = sideThing ?? thing.Side;
            inferred = owner is not null;
        }

        // Scope qualifiers.
        var scope = new List<string>(3);
        if (NearestScope(doc, atom, clause) is { } cause)
        {
            scope.Add("cause:" + cause.Id);
        }
        else if (measure.Group == "destroyed" && AgentScope(doc, clause, found.Hit, countedStarts) is { } agentScope)
        {
            scope.Add("cause:" + agentScope);
        }

        if (UnitIn(doc, clause, sentence, atom.Start) is { } unit)
        {
            scope.Add("unit:" + unit.Key);
        }

        if (UnitIn(doc.Episodes, clause, sentence, atom.Start) is { } episode)
        {
            scope.Add("episode:" + episode.Key);
        }

        if (AnyIn(doc.PerUnit, clause.Start, clause.End))
        {
            scope.Add("per:unit");
        }

        if (AnyIn(doc.Rate, clause.Start, clause.End))
        {
            scope.Add("rate");
        }

        if (AnyIn(doc.Peak, clause.Start, clause.End))
        {
            scope.Add("peak");
        }

        var cues = new List<string>(2);
        var isNegated = false;
        foreach (var neg in doc.Negation)
        {
            if (neg.Start >= clause.Start && neg.End <= atom.Start && doc.TokensBetween(neg.End, atom.Start) <= 6)
            {
                isNegated = true;
                cues.Add(doc.Text[neg.Start..neg.End]);
            }
        }

        var isRebutted = FirstIn(doc.Rebuttal, sentence.Start, sentence.End) is { } rebuttal && Add(cues, doc.Text[rebuttal.Start..rebuttal.End]);
        var phase = ClaimPhase.None;
        if (FirstIn(doc.Change, clause.Start, clause.End) is { } change)
        {
            phase = change.Value;
            cues.Add(doc.Text[change.Start..change.End]);
        }

        var status = NearestStatus(doc, atom, clause, sentence) ?? measure.DefaultStatus;
        var mustStart = Math.Min(atom.Start, subject is { } s && s.Start >= clause.Start ? s.Start : atom.Start);
        var mustEnd = Math.Max(atom.End, found.Hit?.End ?? atom.End);
        var statement = Statement(doc, clause, mustStart, mustEnd);
        return new Claim
        {
            Kind = ClaimKind.Quantity,
            Start = statement.Start,
            End = statement.End,
            ValueStart = atom.Start,
            ValueEnd = atom.End,
            Value = atom.Value,
            Low = atom.Low,
            High = atom.High,
            IsLowExclusive = atom.IsLowExclusive,
            IsHighExclusive = atom.IsHighExclusive,
            IsApproximate = atom.IsApproximate,
            IsVague = atom.IsVague,
            Thing = thing.Id,
            Measure = measure.Id,
            Side = owner?.Id,
            IsSideInferred = owner is not null && inferred,
            Agent = agent?.Id,
            Time = TimeFor(doc, clause, sentence),
            Scope = scope,
            Status = status,
            Phase = phase,
            Cues = cues,
            IsNegated = isNegated,
            IsRebutted = isRebutted,
        };
    }

    private void AddAttributes(TaggedText doc, List<Claim> claims)
    {
        if (doc.AttributeCues.Count == 0)
        {
            return;
        }

        // Pass 1: the value of every cue, so that one cue's value is never taken for another's subject.
        var values = new List<(TermHit<AttributeInfo> Cue, int ValueStart, int ValueEnd, SideInfo? Side, PlaceInfo? Place, bool IsOwn)>();
        foreach (var cue in doc.AttributeCues)
        {
            var attribute = cue.Value;
            var clause = doc.Tokens.ClauseOf(cue.Start);
            if (attribute.IsSideValued)
            {
                var own = LastBefore(doc.Own, clause.Start, cue.Start, h => doc.TokensBetween(h.End, cue.Start) <= 1);
                var side = LastBefore(doc.Sides, clause.Start, cue.Start, h => h.Value.Side is not null && doc.TokensBetween(h.End, cue.Start) <= 1);
                if (own is { } o && (side is null || o.Start > side.Value.Start))
                {
                    values.Add((cue, o.Start, o.End, null, null, true));
                }
                else if (side is { } sv)
                {
                    values.Add((cue, sv.Start, sv.End, sv.Value.Side!.Actor, null, false));
                }
                else if (FirstIn(doc.Sides, cue.End, clause.End) is { } after && after.Value.Side is not null
                    && doc.Tokens.Is(doc.Tokens.TokenAt(cue.End), "of") && doc.TokensBetween(cue.End, after.Start) <= 2)
                {
                    values.Add((cue, after.Start, after.End, after.Value.Side.Actor, null, false));
                }
            }
            else if (FirstIn(doc.Places, cue.End, clause.End) is { } place && doc.TokensBetween(cue.End, place.Start) <= 4)
            {
                values.Add((cue, place.Start, place.End, null, place.Value, false));
            }
        }

        var valueStarts = values.Select(v => v.ValueStart).ToHashSet();
        var seen = new HashSet<(string, string, int)>();
        foreach (var (cue, valueStart, valueEnd, valueSide, valuePlace, isOwn) in values)
        {
            var attribute = cue.Value;
            var clause = doc.Tokens.ClauseOf(cue.Start);
            var sentence = doc.Tokens.SentenceOf(cue.Start);
            var noRegion = (Start: valueStart, End: valueEnd);
            var subject = FirstSide(doc, clause.Start, cue.Start, noRegion, valueStarts)
                ?? FirstSide(doc, sentence.Start, clause.Start, noRegion, valueStarts);
            var subjectSide = subject?.Value.Side?.Actor;
            var unit = UnitIn(doc, clause, sentence, cue.Start);
            if ((attribute.RequiresUnit && unit is null) || (subjectSide is null && unit is null))
            {
                continue;
            }

            string valueId, valueLabel;
            if (isOwn)
            {
                if (subjectSide is null)
                {
                    continue;
                }

                (valueId, valueLabel) = (subjectSide.Id, subjectSide.Label);
            }
            else if (valueSide is not null)
            {
                (valueId, valueLabel) = (valueSide.Id, valueSide.Label);
            }
            else
            {
                (valueId, valueLabel) = (valuePlace!.Id, valuePlace.Label);
            }

            var cues = new List<string>(2);
            var isNegated = false;
            foreach (var neg in doc.Negation)
            {
                if (neg.Start >= clause.Start && neg.End <= cue.Start && doc.TokensBetween(neg.End, cue.Start) <= 8
                    && doc.Text.AsSpan(neg.End, cue.Start - neg.End).IndexOfAny(',', ';') < 0)
                {
                    isNegated = true;
                    cues.Add(doc.Text[neg.Start..neg.End]);
                }
            }

            var phase = ClaimPhase.None;
            if (FirstIn(doc.Change, clause.Start, clause.End) is { } change)
            {
                phase = change.Value;
                cues.Add(doc.Text[change.Start..change.End]);
            }

            var isRebutted = FirstIn(doc.Rebuttal, sentence.Start, sentence.End) is { } rebuttal && Add(cues, doc.Text[rebuttal.Start..rebuttal.End]);
            var mustStart = Math.Min(cue.Start, valueStart);
            var statement = Statement(doc, clause, mustStart, Math.Max(cue.End, valueEnd));
            if (!seen.Add((attribute.Id, valueId, statement.Start)))
            {
                continue;
            }

            claims.Add(new Claim
            {
                Kind = ClaimKind.Attribute,
                Start = statement.Start,
                End = statement.End,
                ValueStart = valueStart,
                ValueEnd = valueEnd,
                Value = valueLabel,
                Side = subjectSide?.Id,
                Time = TimeFor(doc, clause, sentence),
                Scope = unit is { } u ? ["unit:" + u.Key] : [],
                Phase = phase,
                Cues = cues,
                IsNegated = isNegated,
                IsRebutted = isRebutted,
                Attribute = attribute.Id,
                AttributeValue = valueId,
            });
        }
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

    /// <summary>The first actor named in [start, end): a non-place side first ("Soviet" before "China").</summary>
    internal static TermHit<SideTerm>? FirstSide(TaggedText doc, int start, int end, (int Start, int End) skip, HashSet<int>? exclude)
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
    private static SideInfo? SideThingBefore(TaggedText doc, int start, int end, TermHit<ThingInfo>? counted)
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
    private static SideInfo? ByAgent(TaggedText doc, int from, int clauseEnd)
    {
        var tokens = doc.Tokens;
        for (var k = tokens.TokenAt(from); k < tokens.Tokens.Length && tokens.Tokens[k].Start < clauseEnd; k++)
        {
            if (!tokens.Is(k, "by"))
            {
                continue;
            }

            var after = tokens.Tokens[k].End;
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

    private static string? AgentScope(TaggedText doc, Segment clause, TermHit<ThingInfo>? counted, HashSet<int> countedStarts)
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

    private static MeasureInfo? NearestMeasure(TaggedText doc, Atom atom, Segment clause)
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

    private static ScopeInfo? NearestScope(TaggedText doc, Atom atom, Segment clause)
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

    private static string? NearestStatus(TaggedText doc, Atom atom, Segment clause, Segment sentence)
    {
        string? best = null;
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

        if (best is not null)
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

    private static UnitHit? UnitIn(TaggedText doc, Segment clause, Segment sentence, int before) => UnitIn(doc.Units, clause, sentence, before);

    private static UnitHit? UnitIn(List<UnitHit> hits, Segment clause, Segment sentence, int before)
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

    /// <summary>
    /// The period a clause speaks of (disagreements.md §2.4): onset and armistice cues, then an explicit date, then a
    /// whole-war cue; from the clause, else from earlier in its sentence ("When the armistice was signed, …, while …").
    /// </summary>
    internal TimeScope? TimeFor(TaggedText doc, Segment clause, Segment sentence) =>
        TimeIn(doc, clause.Start, clause.End) ?? TimeIn(doc, sentence.Start, clause.Start);

    private TimeScope? TimeIn(TaggedText doc, int start, int end)
    {
        TimeScope? whole = null;
        foreach (var cue in doc.TimeCues)
        {
            if (cue.Start < start || cue.End > end)
            {
                continue;
            }

            switch (cue.Value)
            {
                case TimeCue.Onset:
                    return new TimeScope(TimeScopeKind.Onset, lexicon.WarFrom, lexicon.WarFrom);
                case TimeCue.End:
                    return new TimeScope(TimeScopeKind.Whole, lexicon.WarFrom, lexicon.WarTo);
                default:
                    whole ??= new TimeScope(TimeScopeKind.Whole, lexicon.WarFrom, lexicon.WarTo);
                    break;
            }
        }

        foreach (var date in doc.Dates)
        {
            if (date.Start >= start && date.End <= end)
            {
                return date.Scope;
            }
        }

        return whole;
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
