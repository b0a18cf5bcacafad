namespace HonchoBot.Core.Claims;

/// <summary>
/// What a question asks about, read with the same lexicon as the claims: the measure (kills, losses, strength…),
/// the counted thing, whose things they are, scope qualifiers and attributes. A disagreement is reported only when
/// its claims match this frame (DESIGN.md: "its counted thing or measure matches what the question asks").
/// </summary>
internal sealed class QuestionFrame
{
    private QuestionFrame()
    {
    }

    public HashSet<string> MeasureGroups { get; } = new(StringComparer.Ordinal);
    public List<ThingInfo> Things { get; } = [];
    public SideInfo? Owner { get; private set; }
    public bool IsOwnerInferred { get; private set; }
    public SideInfo? Subject { get; private set; }
    public string? Cause { get; private set; }
    public string? Unit { get; private set; }
    public HashSet<string> Attributes { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Events { get; } = new(StringComparer.Ordinal);

    public string? Place { get; private set; }

    /// <summary>
    /// The question asks about one person ("the top ace", "he", or a personal name such as "Joseph McConnell"):
    /// only individual tallies answer it, never force totals.
    /// </summary>
    public bool IsAboutOnePerson { get; private set; }

    /// <summary>The period the question names ("in 1951"), or null: figures for other periods do not answer it.</summary>
    public TimeScope? Time { get; private set; }

    public bool AsksAnything => MeasureGroups.Count > 0 || Attributes.Count > 0 || Events.Count > 0;

    public static QuestionFrame Parse(string question, ClaimLexicon lexicon)
    {
        var frame = new QuestionFrame();
        var doc = TaggedText.Create(question, lexicon);
        var attributeTerms = lexicon.AttributeQuestionTerms.Find(question);
        foreach (var hit in attributeTerms)
        {
            frame.Attributes.Add(hit.Value.Id);
        }

        foreach (var hit in lexicon.EventQuestionTerms.Find(question))
        {
            frame.Events.Add(hit.Value.Id);
        }

        frame.Place = doc.Places.Count > 0 ? doc.Places[0].Value.Id : null;
        frame.IsAboutOnePerson = doc.PerPerson.Count > 0 || NamesAPerson(doc, lexicon);
        frame.Time = doc.Dates.Count > 0 ? doc.Dates[0].Scope : null;
        MeasureInfo? first = null;
        foreach (var hit in doc.Measures)
        {
            frame.MeasureGroups.Add(hit.Value.Measure.Group);
            first ??= hit.Value.Measure;
        }

        // The counted thing: what follows "how many" / "number of"; otherwise every thing named.
        TermHit<ThingInfo>? counted = null;
        ThingInfo? coordinated = null;
        var tokens = doc.Tokens;
        for (var k = 0; k < tokens.Tokens.Length && counted is null; k++)
        {
            if ((tokens.Is(k, "many") || tokens.Is(k, "much")) && tokens.Is(k - 1, "how") || (tokens.Is(k, "of") && tokens.Is(k - 1, "number")))
            {
                var (found, _) = ClaimExtractor.NounPhrase(doc, k + 1, tokens.Tokens[k].End, question.Length, allowOf: false);
                counted = found?.Hit;
                if (found is { Hit: not null })
                {
                    // "airmen and support staff": coordinated things ask about their common kind (personnel).
                    var next = tokens.TokenAt(found.WindowEnd);
                    if ((tokens.Is(next, "and") || tokens.Is(next, "or"))
                        && ClaimExtractor.NounPhrase(doc, next + 1, tokens.Tokens[next].End, question.Length, allowOf: false).Found is { Hit: not null } other)
                    {
                        coordinated = CommonAncestor(found.Thing, other.Thing);
                    }
                }
            }
        }

        if (counted is { } c)
        {
            frame.Things.Add(coordinated ?? c.Value);
            if (doc.Measures.Count == 0 && c.Value.DefaultMeasure is null && lexicon.CountQuestionGroup is { } countGroup)
            {
                frame.MeasureGroups.Add(countGroup);
            }
        }
        else
        {
            frame.Things.AddRange(doc.Things.Select(h => h.Value));
        }

        foreach (var hit in doc.Things)
        {
            if (hit.Value.DefaultMeasure is { } m && lexicon.Measures.TryGetValue(m, out var measure))
            {
                frame.MeasureGroups.Add(measure.Group);
            }
        }

        if (frame.Things.Count == 0)
        {
            frame.Things.AddRange(doc.Measures.Where(h => h.Value.ImpliedThing is not null).Select(h => h.Value.ImpliedThing!).Distinct());
        }

        // Whose things: the same rule as for claims (ClaimExtractor): a modifier of the counted thing wins; for
        // kills the named side is the attacker, so the things belong to its opponent.
        var countedHit = counted ?? (doc.Things.Count > 0 ? doc.Things[0] : null);
        TermHit<SideTerm>? modifier = null;
        if (countedHit is { } ch)
        {
            foreach (var s in doc.Sides)
            {
                if (s.End <= ch.Start && doc.TokensBetween(s.End, ch.Start) <= 1)
                {
                    modifier = s;
                }
            }
        }

        var named = ClaimExtractor.FirstSide(doc, 0, question.Length, modifier is { } md ? (md.Start, md.End) : (0, 0), null);
        // The subject of an attribute question is the first actor that is not itself a value ("North Korean" in
        // "… fly with North Korean insignia?").
        var valueSides = new HashSet<int>();
        foreach (var term in attributeTerms)
        {
            foreach (var s in doc.Sides)
            {
                if (s.End <= term.Start && doc.TokensBetween(s.End, term.Start) <= 1)
                {
                    valueSides.Add(s.Start);
                }
            }
        }

        frame.Subject = ClaimExtractor.FirstSide(doc, 0, question.Length, (0, 0), valueSides)?.Value.Side?.Actor;
        if (first is { IsAttackerView: true })
        {
            var agent = named?.Value.Side?.Actor;
            if (agent is null)
            {
                foreach (var hit in doc.Things)
                {
                    if (hit.Value.Side is not null && hit.Start != countedHit?.Start)
                    {
                        agent = hit.Value.Side;
                        break;
                    }
                }
            }

            if (modifier is { Value.Side: { } mod })
            {
                frame.Owner = mod.Actor;
            }
            else
            {
                frame.Owner = modifier is not null ? agent?.OpponentOf : countedHit?.Value.Side ?? agent?.OpponentOf;
                frame.IsOwnerInferred = frame.Owner is not null;
            }
        }
        else if (modifier?.Value.Side is { } mod)
        {
            frame.Owner = mod.Actor;
        }
        else if (named?.Value.Side is { } side)
        {
            frame.Owner = side.Actor;
        }
        else if (countedHit?.Value.Side is { } thingSide)
        {
            frame.Owner = thingSide;
            frame.IsOwnerInferred = true;
        }

        if (doc.Scopes.Count > 0)
        {
            frame.Cause = doc.Scopes[0].Value.Id;
        }
        else if (frame.MeasureGroups.Contains("destroyed"))
        {
            frame.Cause = doc.Things.FirstOrDefault(h => h.Value.AgentScope is not null && h.Start != counted?.Start).Value?.AgentScope;
        }

        frame.Unit = doc.Units.Count > 0 ? doc.Units[0].Key : null;
        return frame;
    }

    private static ThingInfo? CommonAncestor(ThingInfo a, ThingInfo b)
    {
        for (var x = a; x is not null; x = x.Parent)
        {
            if (x == b || ClaimExtractor.IsAncestor(x, b))
            {
                return x;
            }
        }

        return null;
    }

    /// <summary>
    /// A pair of figures answers the question only if one of them counts the asked thing or something within it:
    /// two all-aircraft totals do not answer "how many B-29s were lost?", though each is related to it.
    /// </summary>
    public bool IsAnsweredBy(Claim a, Claim b, ClaimLexicon lexicon)
    {
        if (a.Kind != ClaimKind.Quantity || Things.Count == 0)
        {
            return true;
        }

        return Narrow(a) || Narrow(b);

        bool Narrow(Claim claim) =>
            claim.Thing is not null && lexicon.Things.TryGetValue(claim.Thing, out var thing)
            && Things.Any(t => ClaimComparer.RelateThings(t, thing) is Relation.Equal or Relation.FirstBroader);
    }

    /// <summary>Is the claim about what the question asks?</summary>
    public bool IsRelevant(Claim claim, ClaimLexicon lexicon)
    {
        if (claim.Kind == ClaimKind.Event)
        {
            if (claim.Attribute is null || !Events.Contains(claim.Attribute) || claim.Thing is null
                || !lexicon.Things.TryGetValue(claim.Thing, out var eventThing))
            {
                return false;
            }

            return (Things.Count == 0 || Things.Any(t => ClaimComparer.RelateThings(t, eventThing) != Relation.Disjoint))
                && (Place is null || claim.AttributeValue is null || Place == claim.AttributeValue || ClaimComparer.ValuesNested(Place, claim.AttributeValue, lexicon));
        }

        if (claim.Kind == ClaimKind.Attribute)
        {
            if (claim.Attribute is null || !Attributes.Contains(claim.Attribute))
            {
                return false;
            }

            if (Subject is not null && claim.Side is not null && lexicon.Sides.TryGetValue(claim.Side, out var subject)
                && ClaimComparer.RelateSides(Subject, false, subject, false) == Relation.Disjoint)
            {
                return false;
            }

            return Unit is null || ClaimComparer.ScopeValue(claim.Scope, "unit") is not { } u || u == Unit;
        }

        if (claim.Measure is null || !lexicon.Measures.TryGetValue(claim.Measure, out var measure) || !MeasureGroups.Contains(measure.Group))
        {
            return false;
        }

        if (IsAboutOnePerson != (ClaimComparer.ScopeValue(claim.Scope, "per") == "person"))
        {
            return false;
        }

        if (Time is not null && !ClaimComparer.SameTime(Time, claim.Time))
        {
            return false;
        }

        if (claim.Thing is null || !lexicon.Things.TryGetValue(claim.Thing, out var thing))
        {
            return false;
        }

        if (Things.Count > 0 && !Things.Any(t => ClaimComparer.RelateThings(t, thing) != Relation.Disjoint))
        {
            return false;
        }

        if (Owner is not null && claim.Side is not null && lexicon.Sides.TryGetValue(claim.Side, out var side)
            && ClaimComparer.RelateSides(Owner, IsOwnerInferred, side, claim.IsSideInferred) == Relation.Disjoint)
        {
            return false;
        }

        if (Cause is not null && ClaimComparer.ScopeValue(claim.Scope, "cause") is { } cause && cause != Cause)
        {
            return false;
        }

        return Unit is null || ClaimComparer.ScopeValue(claim.Scope, "unit") is not { } unit || unit == Unit;
    }

    /// <summary>
    /// Two title-case words in a row, past the first word, that the lexicon does not know as a side, thing,
    /// place, unit, episode or measure: "Joseph McConnell", not "Soviet Union", "MiG Alley" or "US Sabre".
    /// </summary>
    private static bool NamesAPerson(TaggedText doc, ClaimLexicon lexicon)
    {
        var known = new List<(int Start, int End)>();
        known.AddRange(doc.Sides.Select(h => (h.Start, h.End)));
        known.AddRange(doc.Things.Select(h => (h.Start, h.End)));
        known.AddRange(doc.Places.Select(h => (h.Start, h.End)));
        known.AddRange(doc.Measures.Select(h => (h.Start, h.End)));
        known.AddRange(doc.Scopes.Select(h => (h.Start, h.End)));
        known.AddRange(doc.Units.Select(h => (h.Start, h.End)));
        known.AddRange(doc.Episodes.Select(h => (h.Start, h.End)));
        known.AddRange(doc.Dates.Select(h => (h.Start, h.End)));

        var tokens = doc.Tokens;
        for (var k = 1; k + 1 < tokens.Tokens.Length; k++)
        {
            if (IsUnknownName(k) && IsUnknownName(k + 1))
            {
                return true;
            }
        }

        return false;

        bool IsUnknownName(int k)
        {
            var token = tokens.Tokens[k];
            var word = tokens.Span(token);
            return word.Length >= 2 && char.IsUpper(word[0]) && word[1..].ContainsAnyInRange('a', 'z') && !HasDigit(word)
                && !lexicon.NotNames.Contains(word.ToString())
                && !known.Exists(h => token.Start < h.End && h.Start < token.End);
        }

        static bool HasDigit(ReadOnlySpan<char> word) => word.ContainsAnyInRange('0', '9');
    }
}
