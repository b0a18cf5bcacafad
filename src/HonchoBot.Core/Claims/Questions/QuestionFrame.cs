using HonchoBot.Core.Claims.Extraction;
using HonchoBot.Core.Claims.Lexicon;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Questions;

/// <summary>
/// What a question asks about, read with the same lexicon as the claims: the measure (kills, losses, strength…),
/// the counted thing, whose things they are, scope qualifiers and attributes. A disagreement is reported only when
/// its claims match this frame: its counted thing or measure must be what the question asks. Each kind's strategy
/// decides what in the frame a claim of its kind must match.
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

    /// <summary>The people the question names, as keys of people the evidence knows (<see cref="ResolvePersons"/>).</summary>
    public HashSet<string> Persons { get; } = new(StringComparer.Ordinal);

    /// <summary>Another war the question asks about ("in World War II"); null for the lexicon's own war.</summary>
    public string? War { get; private set; }

    /// <summary>
    /// What the question asks for: one side's claims ("how many did they claim", "credited"), records ("officially
    /// acknowledged"), or the count itself (<see cref="ClaimStatus.Unknown"/>), which both claims and records answer.
    /// </summary>
    public ClaimStatus Status { get; private set; }

    /// <summary>
    /// The question asks what one party says ("how many planes does China say it shot down"), not what the count
    /// was: the figures of the other kind are left out. A question about the claim itself ("how many did the Sabre
    /// pilots claim?") is not attributed: the record is the natural check on a claim, and the answer sets them side
    /// by side as a different measure.
    /// </summary>
    public bool IsAttributed { get; private set; }

    /// <summary>For kills: the side the question names as the one that shot them down ("the PLAAF").</summary>
    public SideInfo? Agent { get; private set; }

    /// <summary>The battle or raid the question asks about (a nickname or a day), keyed like claims' scopes.</summary>
    public string? Episode { get; private set; }

    /// <summary>The question asks for a count ("how many …", or no other question word), not a ratio or a share.</summary>
    public bool AsksCount { get; private set; }

    /// <summary>The question is about one engagement ("fighting over Garrett's Sabre"): whole-war figures do not answer it.</summary>
    public bool IsAboutEngagement { get; private set; }

    /// <summary>The question asks who or which ("who was the top ace", "which regiment").</summary>
    public bool AsksWho { get; private set; }

    /// <summary>
    /// The unit level a question asks a member's unit at ("which regiment did Sutyagin fly with?"): a level noun not
    /// part of a numbered unit, in a who/which/what question.
    /// </summary>
    public string? MembershipLevel { get; private set; }

    /// <summary>The question asks a person's rank ("what rank was …").</summary>
    public bool AsksRank { get; private set; }

    /// <summary>The question asks where in a person's tally something happened ("after which kill").</summary>
    public bool AsksTally { get; private set; }

    /// <summary>The question asks about a ratio ("kill ratio", "10 to 1").</summary>
    public bool AsksRatio { get; private set; }

    /// <summary>Whose ratio the question asks about: the first side, or side's aircraft, it names ("the Sabre vs MiG kill ratio").</summary>
    public SideInfo? RatioAgent { get; private set; }

    /// <summary>Superlative roles the question asks about ("top", "first").</summary>
    public HashSet<string> Superlatives { get; } = new(StringComparer.Ordinal);

    /// <summary>The question asks for a date ("when …", or no other question word).</summary>
    public bool AsksDate { get; private set; }

    private string[] Words { get; set; } = [];

    public static QuestionFrame Parse(string question, ClaimLexicon lexicon)
    {
        var frame = new QuestionFrame();
        var doc = TaggedText.Create(question, lexicon);
        var attributeTerms = lexicon.AttributeQuestionTerms.Find(question, doc.Words);
        foreach (var hit in attributeTerms)
        {
            frame.Attributes.Add(hit.Value.Id);
        }

        foreach (var hit in lexicon.EventQuestionTerms.Find(question, doc.Words))
        {
            frame.Events.Add(hit.Value.Id);
        }

        foreach (var hit in PersonEvents.In(doc))
        {
            frame.Events.Add(hit.Value.Id);
        }

        frame.Place = doc.Places.Count > 0 ? doc.Places[0].Value.Id : null;
        frame.IsAboutOnePerson = doc.PerPerson.Count > 0 || NamesAPerson(doc, lexicon);
        frame.Time = doc.Dates.Count > 0 ? doc.Dates[0].Scope : null;
        frame.War = doc.Wars.Count > 0 ? doc.Wars[0].Value.Id : null;
        frame.Status = doc.Epistemic.Any(h => h.Value == ClaimStatus.Claim) ? ClaimStatus.Claim
            : doc.Epistemic.Count > 0 ? doc.Epistemic[0].Value
            : ClaimStatus.Unknown;
        frame.IsAttributed = lexicon.AttributionTerms.Find(question, doc.Words).Count > 0;
        frame.Episode = ScopeReader.Episode(doc, lexicon, new Segment(0, question.Length), new Segment(0, question.Length), question.Length, 0, 0) is { } episode
            && episode != ClaimScope.UnknownEpisode ? episode : null;
        frame.Words = [.. doc.Tokens.Tokens.Where(t => t.Kind == TokenKind.Word).Select(t => doc.Tokens.Span(t).ToString())];
        var countAt = Enumerable.Range(0, doc.Tokens.Tokens.Length)
            .Where(k => Array.Exists(lexicon.CountCues, c => doc.Tokens.MatchesAt(k, c))).Select(k => doc.Tokens.Tokens[k].Start).ToHashSet();
        var asksCount = countAt.Count > 0;
        var asksDate = lexicon.DateQuestionTerms.Find(question, doc.Words).Count > 0;
        var asksOther = lexicon.OtherQuestionTerms.Find(question, doc.Words).Any(h => !countAt.Contains(h.Start));
        frame.AsksCount = lexicon.NotCountTerms.Find(question, doc.Words).Count == 0 && (asksCount || (!asksDate && !asksOther));
        frame.AsksDate = asksDate || (!asksCount && !asksOther);
        frame.AsksWho = lexicon.WhoQuestionTerms.Find(question, doc.Words).Count > 0;
        foreach (var hit in lexicon.SuperlativeQuestionTerms.Find(question, doc.Words))
        {
            frame.Superlatives.Add(hit.Value.Id);
        }

        foreach (var token in doc.Tokens.Tokens)
        {
            if (token.Kind == TokenKind.Word && lexicon.UnitLevels.TryGetValue(doc.Tokens.Span(token).ToString(), out var level)
                && !doc.Units.Any(u => u.Start <= token.Start && token.End <= u.End) && (frame.AsksWho || doc.Tokens.Is(doc.Tokens.TokenAt(token.Start) - 1, "what")))
            {
                frame.MembershipLevel = level;
                break;
            }
        }

        frame.AsksRatio = lexicon.RatioQuestionTerms.Find(question, doc.Words).Count > 0;
        frame.AsksTally = lexicon.TallyQuestionTerms.Find(question, doc.Words).Count > 0;
        frame.AsksRank = lexicon.RankQuestionTerms.Find(question, doc.Words).Count > 0;
        frame.RatioAgent = SideFinder.FirstSide(doc, 0, question.Length, (0, 0), null)?.Value.Side?.Actor
            ?? SideFinder.SideThingBefore(doc, 0, question.Length, null);
        frame.IsAboutEngagement = frame.Episode is not null || lexicon.EngagementQuestionTerms.Find(question, doc.Words).Count > 0;
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
            var cue = Array.Find(lexicon.CountCues, c => tokens.MatchesAt(k - c.Length + 1, c));
            if (cue is not null)
            {
                var (found, _) = NounPhrases.Walk(doc, lexicon, k + 1, tokens.Tokens[k].End, question.Length, allowOf: false);
                counted = found?.Hit;
                if (found is { Hit: not null })
                {
                    // "airmen and support staff": coordinated things ask about their common kind (personnel).
                    var next = tokens.TokenAt(found.WindowEnd);
                    if ((tokens.Is(next, "and") || tokens.Is(next, "or"))
                        && NounPhrases.Walk(doc, lexicon, next + 1, tokens.Tokens[next].End, question.Length, allowOf: false).Found is { Hit: not null } other)
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

        var named = SideFinder.FirstSide(doc, 0, question.Length, modifier is { } md ? (md.Start, md.End) : (0, 0), null);
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

        frame.Subject = SideFinder.FirstSide(doc, 0, question.Length, (0, 0), valueSides)?.Value.Side?.Actor;
        if (first is { IsAttackerView: true })
        {
            var agent = named?.Value.Side?.Actor;
            frame.Agent = agent;
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
        else if (doc.Measures.Any(m => m.Value.Measure.IsCauseFromAgent))
        {
            frame.Cause = doc.Things.FirstOrDefault(h => h.Value.AgentScope is not null && h.Start != counted?.Start).Value?.AgentScope;
        }

        frame.Unit = doc.Units.Count > 0 ? doc.Units[0].Key : null;
        return frame;
    }

    /// <summary>
    /// Matches the question's words against the people the evidence's claims are about, by spelling-folded surname:
    /// "joe mcconel" finds McConnell, "pepelyaev" finds Pepelyayev. Chat questions rarely capitalise names.
    /// </summary>
    public void ResolvePersons(IReadOnlySet<string> known, ClaimLexicon lexicon)
    {
        if (known.Count == 0)
        {
            return;
        }

        foreach (var word in Words)
        {
            if (word.Length < 3)
            {
                continue;
            }

            var key = PersonNames.Key(word, lexicon);
            if (known.Contains(key))
            {
                Persons.Add(key);
            }
            else if (key.EndsWith('s') && known.Contains(key[..^1]))
            {
                // "garretts downed sabre": a possessive without its apostrophe.
                Persons.Add(key[..^1]);
            }
        }
    }

    private static ThingInfo? CommonAncestor(ThingInfo a, ThingInfo b)
    {
        for (var x = a; x is not null; x = x.Parent)
        {
            if (x == b || b.IsWithin(x))
            {
                return x;
            }
        }

        return null;
    }

    /// <summary>
    /// Two title-case words in a row, past the first word, that the lexicon does not know as a side, thing,
    /// place, unit, episode or measure: "Joseph McConnell", not "Soviet Union", "MiG Alley" or "US Sabre".
    /// </summary>
    private static bool NamesAPerson(TaggedText doc, ClaimLexicon lexicon)
    {
        var known = doc.KnownSpans();

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
