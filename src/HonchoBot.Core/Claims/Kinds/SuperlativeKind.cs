using System.Globalization;
using HonchoBot.Core.Claims.Extraction;
using HonchoBot.Core.Claims.Lexicon;
using HonchoBot.Core.Claims.Questions;
using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Kinds;

/// <summary>
/// Superlatives: who or which unit holds a top place of a set ("he became the Soviet Union's top-scoring ace",
/// "the leading jet ace of the Korean War was Capt. Joseph McConnell", "the Soviets' highest scoring regiment …,
/// the 196th"). The set is a class (aces, regiments), a side and a war. Two holders of one place in the same set
/// conflict; a holder of the place over everyone conflicts with a different holder within a side only when the
/// sources put the first holder on that side.
/// </summary>
internal sealed class SuperlativeKind(ClaimLexicon lexicon) : IClaimKind
{
    private const int ClassReach = 4;

    public ClaimKind Kind => ClaimKind.Superlative;

    public void Extract(TaggedText doc, List<Claim> claims)
    {
        var found = new List<Claim>();
        foreach (var cue in doc.Superlatives)
        {
            if (Read(doc, cue) is { } claim && !found.Exists(c => c.Attribute == claim.Attribute && c.AttributeValue == claim.AttributeValue && c.Side == claim.Side && c.Start == claim.Start))
            {
                found.Add(claim);
            }
        }

        // A holder the passage places within a side ("the most successful of those [Soviet] pilots") is on that
        // side in every top place the passage gives him.
        foreach (var claim in found)
        {
            var side = claim.Person is null ? null
                : found.FirstOrDefault(c => c.Person == claim.Person && c.Side is not null)?.Side;
            claims.Add(side is null ? claim : claim with { ValueSide = side });
        }
    }

    private Claim? Read(TaggedText doc, TermHit<SuperlativeInfo> cue)
    {
        var tokens = doc.Tokens;
        var clause = tokens.ClauseOf(cue.Start);
        var sentence = tokens.SentenceOf(cue.Start);
        var at = tokens.TokenAt(cue.Start);

        // "one of the top aces" and "the third leading ace" are not the top place.
        if ((tokens.Is(at - 1, "the") && tokens.Is(at - 2, "of") && tokens.Is(at - 3, "one")) || IsLowerRank(doc, at))
        {
            return null;
        }

        if (ClassAfter(doc, cue) is not { } ranked)
        {
            return null;
        }

        var side = SideOf(doc, cue, ranked, sentence);
        var war = ScopeReader.War(doc, lexicon, clause, sentence, cue.Start, TimeReader.For(doc, lexicon, clause, sentence));
        var holder = Holder(doc, cue, ranked, clause, sentence);
        if (holder is not { } h)
        {
            return null;
        }

        var cues = ClauseCues.Read(doc, clause, sentence, cue.Start, maxNegationGap: 4, negationStopsAtComma: true);
        if (cues.IsNegated)
        {
            return null;
        }

        var statement = StatementSpan.Of(doc, clause, Math.Min(cue.Start, h.Start), Math.Max(ranked.End, h.End));
        return new Claim
        {
            Kind = ClaimKind.Superlative,
            Start = statement.Start,
            End = statement.End,
            ValueStart = h.Start,
            ValueEnd = h.End,
            Value = h.Label,
            Thing = ranked.Value.Id,
            Side = side?.Id,
            Person = h.Person,
            PersonName = h.Person is null ? null : h.Label,
            Scope = war is null ? ClaimScope.None : new ClaimScope { War = war.Id },
            Attribute = cue.Value.Id,
            AttributeValue = h.Key,
            Cues = [.. cues.Words, doc.Text[cue.Start..cue.End]],
            IsRebutted = cues.IsRebutted,
        };
    }

    private bool IsLowerRank(TaggedText doc, int at)
    {
        var before = at - 1;
        return before >= 0 && lexicon.RankOrdinals.TryGetValue(doc.Tokens.Span(doc.Tokens.Tokens[before]).ToString(), out var rank) && rank > 1;
    }

    /// <summary>
    /// The class ranked: a person or unit thing within a few words after the cue ("top-scoring ace", "leading jet
    /// ace"); plural only as the group of a partitive ("the most successful of those fighter pilots").
    /// </summary>
    private TermHit<ThingInfo>? ClassAfter(TaggedText doc, TermHit<SuperlativeInfo> cue)
    {
        var tokens = doc.Tokens;
        var clause = tokens.ClauseOf(cue.Start);
        var words = 0;
        for (var k = tokens.TokenAt(cue.End); k < tokens.Tokens.Length && tokens.Tokens[k].Start < clause.End && words <= ClassReach; k++)
        {
            if (HitLists.HitAt(doc.Things, tokens.Tokens[k].Start) is { } hit)
            {
                if (!IsClass(hit.Value))
                {
                    k = tokens.TokenAt(hit.End) - 1;
                    words++;
                    continue;
                }

                var plural = !lexicon.ThingTerms.IsTerm(doc.Text[hit.Start..hit.End]);
                var partitive = doc.Text.AsSpan(cue.End, hit.Start - cue.End).Contains(" of ", StringComparison.OrdinalIgnoreCase);
                return plural && !partitive ? null : hit;
            }

            words += tokens.Tokens[k].Kind == TokenKind.Punct ? 0 : 1;
        }

        return null;
    }

    private bool IsClass(ThingInfo thing) => lexicon.SuperlativeClasses.Any(c => c == thing || thing.IsWithin(c));

    /// <summary>
    /// The side the set is limited to: a side named just before the cue or between it and the class ("the Soviet
    /// Union's top-scoring ace", "the top Soviet ace"), or the side the sentence before began with for "those".
    /// </summary>
    private SideInfo? SideOf(TaggedText doc, TermHit<SuperlativeInfo> cue, TermHit<ThingInfo> ranked, Segment sentence)
    {
        foreach (var hit in doc.Sides)
        {
            if (hit.Value.Side is { } side && hit.End <= ranked.Start && hit.Start >= sentence.Start
                && (hit.Start >= cue.End || doc.TokensBetween(hit.End, cue.Start) <= 3))
            {
                return side.Actor;
            }
        }

        var tokens = doc.Tokens;
        for (var k = tokens.TokenAt(cue.End); k < tokens.Tokens.Length && tokens.Tokens[k].Start < ranked.Start; k++)
        {
            if (lexicon.GroupPronouns.Contains(tokens.Span(tokens.Tokens[k]).ToString()) && tokens.SentenceBefore(sentence) is { } previous)
            {
                return SideFinder.FirstSide(doc, previous.Start, previous.End, (0, 0), null)?.Value.Side?.Actor;
            }
        }

        return null;
    }

    private readonly record struct HolderRef(int Start, int End, string Key, string Label, string? Person);

    /// <summary>
    /// Who holds the place: a person or unit tied to it by a link word before ("X was the top ace", "making him the
    /// first jet ace"), else the first one after the class in the clause ("the leading jet ace … was McConnell"; "the
    /// highest scoring regiment, the 196th").
    /// </summary>
    private HolderRef? Holder(TaggedText doc, TermHit<SuperlativeInfo> cue, TermHit<ThingInfo> ranked, Segment clause, Segment sentence)
    {
        var before = doc.Persons.LastOrDefault(p => p.Start >= sentence.Start && p.End <= cue.Start);
        if (before.End > 0 && (IsLinked(doc, before.End, cue.Start) || IsLinkWord(doc, doc.Tokens.TokenAt(before.Start) - 1)))
        {
            return new HolderRef(before.Start, before.End, before.Key, before.Name, before.Key);
        }

        foreach (var unit in doc.Units)
        {
            if (unit.Start >= sentence.Start && unit.End <= cue.Start && IsLinked(doc, unit.End, cue.Start) && Level(unit.Key) == ranked.Value.Id)
            {
                return new HolderRef(unit.Start, unit.End, unit.Key, UnitKeys.Label(unit.Key), null);
            }
        }

        if (!IsUnitClass(ranked.Value))
        {
            return PersonFinder.After(doc, ranked.End, clause) is { } person ? new HolderRef(person.Start, person.End, person.Key, person.Name, person.Key) : null;
        }

        return UnitAfter(doc, ranked, clause);
    }

    /// <summary>A class whose members are units ("regiment" is a unit level), not people.</summary>
    private bool IsUnitClass(ThingInfo thing) => lexicon.UnitLevels.ContainsValue(thing.Id);

    /// <summary>A unit named after the class, or a bare ordinal in apposition ("…, the 196th") read at the class's level.</summary>
    private static HolderRef? UnitAfter(TaggedText doc, TermHit<ThingInfo> ranked, Segment clause)
    {
        foreach (var unit in doc.Units)
        {
            if (unit.Start >= ranked.End && unit.End <= clause.End && Level(unit.Key) == ranked.Value.Id)
            {
                return new HolderRef(unit.Start, unit.End, unit.Key, UnitKeys.Label(unit.Key), null);
            }
        }

        var tokens = doc.Tokens;
        for (var k = tokens.TokenAt(ranked.End); k + 1 < tokens.Tokens.Length && tokens.Tokens[k].Start < clause.End; k++)
        {
            var token = tokens.Tokens[k];
            if (token.Kind == TokenKind.Number && OrdinalSuffix.Follows(tokens, k) && tokens.Is(k - 1, "the")
                && int.TryParse(tokens.Span(token), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"{number} {ranked.Value.Id}");
                return new HolderRef(token.Start, tokens.Tokens[k + 1].End, key, UnitKeys.Label(key), null);
            }
        }

        return null;
    }

    private bool IsLinkWord(TaggedText doc, int k) =>
        k >= 0 && lexicon.SuperlativeLinks.Contains(doc.Tokens.Span(doc.Tokens.Tokens[k]).ToString());

    private bool IsLinked(TaggedText doc, int from, int to)
    {
        var tokens = doc.Tokens;
        var words = 0;
        for (var k = tokens.TokenAt(from); k < tokens.Tokens.Length && tokens.Tokens[k].Start < to; k++)
        {
            if (lexicon.SuperlativeLinks.Contains(tokens.Span(tokens.Tokens[k]).ToString()))
            {
                return true;
            }

            words += tokens.Tokens[k].Kind == TokenKind.Punct ? 0 : 1;
        }

        // An apposition: "McConnell, the top ace, …".
        return words <= 1 && doc.Text.AsSpan(from, to - from).Contains(',');
    }

    private static string Level(string unitKey) => unitKey[(unitKey.IndexOf(' ', StringComparison.Ordinal) + 1)..];

    public PairResult Compare(Claim a, Claim b)
    {
        if (a.Attribute is null || a.Attribute != b.Attribute || a.AttributeValue is null || b.AttributeValue is null
            || a.Scope.War != b.Scope.War || a.Thing is null || b.Thing is null
            || !lexicon.Things.TryGetValue(a.Thing, out var ta) || !lexicon.Things.TryGetValue(b.Thing, out var tb)
            || Relations.Things(ta, tb) != Relation.Equal || !lexicon.Superlatives.TryGetValue(a.Attribute, out var role))
        {
            return PairResult.Unrelated;
        }

        if (a.AttributeValue == b.AttributeValue)
        {
            return PairResult.Compatible;
        }

        var sa = Side(a.Side);
        var sb = Side(b.Side);
        var relation = Relations.Sides(sa, false, sb, false);
        var holds = relation switch
        {
            Relation.Equal => true,

            // The top place over a wider set conflicts with another holder within a narrower one only when that
            // holder is known to belong to the narrower set.
            Relation.FirstBroader => Side(a.ValueSide) is { } va && sb is not null && (va == sb || va.IsWithin(sb)),
            Relation.SecondBroader => Side(b.ValueSide) is { } vb && sa is not null && (vb == sa || vb.IsWithin(sa)),
            _ => false,
        };
        if (!holds)
        {
            return relation == Relation.Disjoint ? PairResult.Unrelated : PairResult.DifferentScope;
        }

        var narrow = relation == Relation.FirstBroader ? sb : sa;
        var topic = string.Join(' ', new[] { "the", role.Label, "among", narrow?.Label, ta.Label }.Where(x => !string.IsNullOrEmpty(x)));
        return new PairResult(PairVerdict.Conflict, topic, $"the sources name different holders: {a.Value} vs {b.Value}");
    }

    public bool IsAsked(QuestionFrame frame) => frame.Superlatives.Count > 0 && frame.AsksWho;

    public bool IsRelevant(QuestionFrame frame, Claim claim)
    {
        if (claim.Attribute is null || !frame.Superlatives.Contains(claim.Attribute) || claim.Scope.War != frame.War
            || claim.Thing is null || !lexicon.Things.TryGetValue(claim.Thing, out var thing))
        {
            return false;
        }

        if (frame.Things.Count > 0 && !frame.Things.Any(t => Relations.Things(t, thing) != Relation.Disjoint))
        {
            return false;
        }

        // Any set that overlaps the asked one: a top place over everyone bears on the top place within a side.
        return frame.Subject is null || Side(claim.Side) is not { } side || Relations.Sides(frame.Subject, false, side, false) != Relation.Disjoint;
    }

    /// <summary>A pair answers the question when one of its sets is the asked one: two top places over everyone do
    /// not answer who was America's top ace.</summary>
    public bool Answers(QuestionFrame frame, Claim a, Claim b) =>
        frame.Subject is null || a.Side == frame.Subject.Id || b.Side == frame.Subject.Id;

    private SideInfo? Side(string? id) => id is null ? null : lexicon.Sides.GetValueOrDefault(id);
}
