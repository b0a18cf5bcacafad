using HonchoBot.Core.Claims.Text;

namespace HonchoBot.Core.Claims.Extraction;

/// <summary>Which person a claim is about: the person named (or a pronoun for them) as its subject.</summary>
internal static class PersonFinder
{
    private const int MaxGap = 14;

    /// <summary>
    /// The nearest person before <paramref name="anchor"/> in its sentence, unless another figure, a unit, or a
    /// plural actor ("Soviet pilots", "the Russians") stands between them: then the figure is theirs, not his.
    /// </summary>
    public static PersonRef? Before(TaggedText doc, int anchor, Segment sentence, IReadOnlyList<int> otherFigures)
    {
        PersonRef? found = null;
        foreach (var person in doc.Persons)
        {
            if (person.Start >= sentence.Start && person.End <= anchor)
            {
                found = person;
            }
        }

        if (found is not { } p || WordsBetween(doc, p.End, anchor) > MaxGap)
        {
            return null;
        }

        // An apposition after the name describes him ("Pepelyayev, commander of the 196th regiment, is credited …").
        var between = (Start: AfterApposition(doc.Text, p.End, anchor), End: anchor);
        if (otherFigures.Any(f => f >= between.Start && f < between.End)
            || doc.Units.Any(u => u.Start >= between.Start && u.End <= between.End)
            || doc.Sides.Any(s => s.Start >= between.Start && s.End <= between.End && IsPlural(doc, s.Start, s.End))
            || doc.Things.Any(t => t.Start >= between.Start && t.End <= between.End && t.Value.AgentScope is not null && IsPlural(doc, t.Start, t.End)))
        {
            return null;
        }

        return p;
    }

    /// <summary>The nearest person in the clause after <paramref name="from"/> ("… was Captain James Jabara").</summary>
    public static PersonRef? After(TaggedText doc, int from, Segment clause)
    {
        foreach (var person in doc.Persons)
        {
            if (person.Start >= from && person.End <= clause.End)
            {
                return person;
            }
        }

        return null;
    }

    private static int WordsBetween(TaggedText doc, int from, int to)
    {
        var words = 0;
        var tokens = doc.Tokens;
        for (var k = tokens.TokenAt(from); k < tokens.Tokens.Length && tokens.Tokens[k].Start < to; k++)
        {
            words += tokens.Tokens[k].Kind == TokenKind.Punct ? 0 : 1;
        }

        return words;
    }

    private static int AfterApposition(string text, int from, int anchor)
    {
        var i = from;
        while (i < anchor && text[i] == ' ')
        {
            i++;
        }

        if (i >= anchor || text[i] is not (',' or '('))
        {
            return from;
        }

        var close = text.IndexOfAny(text[i] == ',' ? [','] : [')'], i + 1, anchor - i - 1);
        return close < 0 ? from : close + 1;
    }

    private static bool IsPlural(TaggedText doc, int start, int end)
    {
        var text = doc.Text.AsSpan(start, end - start);
        return text.Length > 3 && (text[^1] is 's' || text.EndsWith("men", StringComparison.OrdinalIgnoreCase)) && text[^2] is not ('s' or '\'' or '’');
    }
}
