using System.Globalization;
using HonchoBot.Core.Claims.Lexicon;

namespace HonchoBot.Core.Claims.Text;

/// <summary>
/// Finds quantities: digits with separators, number words ("seventy-eight", "three hundred and thirty-five"),
/// ranges ("thirty-five to forty", "between 200 and 250"), bounds ("at least", "no more than"), approximations
/// and vague magnitudes ("hundreds"). Designators (MiG-15, F-86, 64th), years and list or page numbers are not
/// quantities.
/// </summary>
internal static class QuantityScanner
{
    private const int MaxDigits = 24;

    private readonly record struct Number(int First, int Last, double Value, bool IsYearLike, double Grain);

    public static List<Atom> Scan(TextTokens text, ClaimLexicon lexicon)
    {
        var atoms = new List<Atom>();
        var tokens = text.Tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (TryVague(text, lexicon, i, out var vague, out var vagueLast))
            {
                var (boundStart, _) = BoundBefore(text, lexicon, i);
                var start = boundStart >= 0 ? tokens[boundStart].Start : tokens[i].Start;
                atoms.Add(new Atom(start, tokens[vagueLast].End, boundStart >= 0 ? boundStart : i, vagueLast, vague.Low, vague.High,
                    false, false, true, true, text.Text[tokens[i].Start..tokens[vagueLast].End].ToLowerInvariant()));
                i = vagueLast;
                continue;
            }

            if (!TryNumber(text, lexicon, i, out var number))
            {
                continue;
            }

            var (prefixStart, prefix) = BoundBefore(text, lexicon, number.First);
            if (number.IsYearLike && prefixStart < 0)
            {
                // A year ("in 1952"); dates are read separately.
                i = number.Last;
                continue;
            }

            var last = number.Last;
            Number? upper = null;
            var joiner = last + 1;
            if (joiner + 1 < tokens.Length
                && (lexicon.RangeJoiners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.Span(tokens[joiner]))
                    || (text.Is(joiner, "and") && text.Is(number.First - 1, "between")))
                && TryNumber(text, lexicon, joiner + 1, out var second, isRangeEnd: true)
                && !second.IsYearLike
                && second.Value > number.Value)
            {
                upper = second;
                last = second.Last;
            }

            var suffix = BoundAfter(text, lexicon, last);
            var kind = prefix?.Kind ?? suffix?.Kind;
            if (suffix is not null)
            {
                last += suffix.Tokens.Length;
            }

            var startToken = prefixStart >= 0 ? prefixStart : number.First;
            atoms.Add(Build(text, lexicon, number, upper, kind, startToken, last));
            i = last;
        }

        return atoms;
    }

    private static Atom Build(TextTokens text, ClaimLexicon lexicon, Number number, Number? upper, BoundKind? kind, int startToken, int lastToken)
    {
        var start = text.Tokens[startToken].Start;
        var end = text.Tokens[lastToken].End;
        var v = number.Value;
        var w = lexicon.ApproxWidening;
        if (upper is { } hi)
        {
            var approx = kind == BoundKind.Approx;
            return new Atom(start, end, startToken, lastToken,
                approx ? v * (1 - w) : v, approx ? hi.Value * (1 + w) : hi.Value, false, false, approx, false,
                (approx ? "about " : "") + Format(v) + "–" + Format(hi.Value));
        }

        return kind switch
        {
            BoundKind.Exact => new Atom(start, end, startToken, lastToken, v, v, false, false, false, false, Format(v)),
            BoundKind.Approx => Widened(Math.Max(w * v, number.Grain), true, "about " + Format(v)),
            BoundKind.MoreThan => new Atom(start, end, startToken, lastToken, v, null, true, false, false, false, "> " + Format(v)),
            BoundKind.AtLeast => new Atom(start, end, startToken, lastToken, v, null, false, false, false, false, "≥ " + Format(v)),
            BoundKind.LessThan => new Atom(start, end, startToken, lastToken, 0, v, false, true, false, false, "< " + Format(v)),
            BoundKind.AtMost => new Atom(start, end, startToken, lastToken, 0, v, false, false, false, false, "≤ " + Format(v)),
            BoundKind.JustOver => new Atom(start, end, startToken, lastToken, v, v * (1 + w), true, false, true, false, "just over " + Format(v)),
            BoundKind.JustUnder => new Atom(start, end, startToken, lastToken, v * (1 - w), v, false, true, true, false, "just under " + Format(v)),
            _ => Widened(number.Grain, number.Grain > 0, Format(v)),
        };

        Atom Widened(double by, bool approximate, string value) =>
            new(start, end, startToken, lastToken, Math.Max(0, v - by), v + by, false, false, approximate, false, value);
    }

    internal static string Format(double value)
    {
        if (value == Math.Floor(value) && value < 1e15)
        {
            return value >= 10000
                ? value.ToString("#,0", CultureInfo.InvariantCulture)
                : value.ToString("0", CultureInfo.InvariantCulture);
        }

        return value.ToString("0.##", CultureInfo.InvariantCulture);
    }

    private static bool TryVague(TextTokens text, ClaimLexicon lexicon, int i, out PhraseValue vague, out int last)
    {
        foreach (var phrase in lexicon.VagueStarts.StartingWith(text.Span(text.Tokens[i])))
        {
            if (text.MatchesAt(i, phrase.Tokens))
            {
                vague = phrase;
                last = i + phrase.Tokens.Length - 1;
                return true;
            }
        }

        vague = null!;
        last = -1;
        return false;
    }

    /// <summary>
    /// The first term of a ratio at token <paramref name="i"/> ("8" of "8:1", "three" of "three to one"), as a plain
    /// number: the designator rules that keep "MiG-15" from being a count do not apply.
    /// </summary>
    public static bool TryRatioTerm(TextTokens text, ClaimLexicon lexicon, int i, out double value, out int last)
    {
        value = 0;
        last = i;
        if (i >= text.Tokens.Length)
        {
            return false;
        }

        if (text.Tokens[i].Kind == TokenKind.Number)
        {
            return double.TryParse(text.Span(text.Tokens[i]), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        }

        if (TryWords(text, lexicon, i, out var number) || (text.Tokens[i].Kind == TokenKind.Word && lexicon.Units.TryGetValue(text.Span(text.Tokens[i]), out _) && TryUnit(text, lexicon, i, out number)))
        {
            value = number.Value;
            last = number.Last;
            return true;
        }

        return false;
    }

    /// <summary>A single unit word, even one that is not a count on its own ("one" in "ten to one").</summary>
    private static bool TryUnit(TextTokens text, ClaimLexicon lexicon, int i, out Number number)
    {
        lexicon.Units.TryGetValue(text.Span(text.Tokens[i]), out var unit);
        number = new Number(i, i, unit, false, 0);
        return true;
    }

    /// <summary>The bound phrase that ends just before token <paramref name="first"/>, and the token where it starts.</summary>
    public static (int Start, BoundPhrase? Phrase) BoundBefore(TextTokens text, ClaimLexicon lexicon, int first)
    {
        foreach (var bound in lexicon.Bounds)
        {
            if (!bound.IsAfter && text.MatchesAt(first - bound.Tokens.Length, bound.Tokens))
            {
                return (first - bound.Tokens.Length, bound);
            }
        }

        return (-1, null);
    }

    private static BoundPhrase? BoundAfter(TextTokens text, ClaimLexicon lexicon, int last)
    {
        foreach (var bound in lexicon.Bounds)
        {
            if (bound.IsAfter && text.MatchesAt(last + 1, bound.Tokens))
            {
                return bound;
            }
        }

        return null;
    }

    private static bool TryNumber(TextTokens text, ClaimLexicon lexicon, int i, out Number number, bool isRangeEnd = false)
    {
        number = default;
        var tokens = text.Tokens;
        if (i >= tokens.Length)
        {
            return false;
        }

        var token = tokens[i];
        if (token.Kind == TokenKind.Number)
        {
            return TryDigits(text, lexicon, i, isRangeEnd, out number);
        }

        if (token.Kind != TokenKind.Word)
        {
            return false;
        }

        foreach (var informal in lexicon.InformalStarts.StartingWith(text.Span(token)))
        {
            if (text.MatchesAt(i, informal.Tokens))
            {
                number = new Number(i, i + informal.Tokens.Length - 1, informal.Low, false, Grain(informal.Low));
                return true;
            }
        }

        return TryWords(text, lexicon, i, out number);
    }

    private static bool TryDigits(TextTokens text, ClaimLexicon lexicon, int i, bool isRangeEnd, out Number number)
    {
        number = default;
        var s = text.Text;
        var token = text.Tokens[i];
        var before = token.Start > 0 ? s[token.Start - 1] : ' ';
        var before2 = token.Start > 1 ? s[token.Start - 2] : ' ';
        var after = token.End < s.Length ? s[token.End] : ' ';
        var after2 = token.End + 1 < s.Length ? s[token.End + 1] : ' ';

        // Designators and codes: "MiG-15", "B-29", "Yak-9U", "64th", "1900s", "[12]", "#3", "$5", "40%", "10:30".
        if (TermMatcher<int>.IsHyphen(before) && char.IsLetter(before2))
        {
            return false;
        }

        if (!isRangeEnd && (before is '–' or '—' || TermMatcher<int>.IsHyphen(before)) && char.IsDigit(before2))
        {
            return false;
        }

        if (before is '[' or '#' or '$' or '£' or '€' or '/' or '.' or ':' or '¶' || char.IsLetter(before))
        {
            return false;
        }

        if (char.IsLetter(after) || after is '%' or ']' or '/' || (after == ':' && char.IsDigit(after2))
            || (TermMatcher<int>.IsHyphen(after) && char.IsLetter(after2)))
        {
            return false;
        }

        foreach (var prefix in lexicon.DesignatorPrefixes)
        {
            if (text.MatchesAt(i - prefix.Length, prefix))
            {
                return false;
            }
        }

        var span = text.Span(token);
        if (span.Length > MaxDigits)
        {
            // A serial number or garbage, not a count; also keeps the digit buffer on the stack small.
            return false;
        }

        var hasComma = span.Contains(',');
        var hasDot = span.Contains('.');
        if (hasComma)
        {
            // "72,000" and "1,097"; "1,2" is not a grouped number.
            var groups = span.ToString().Split(',');
            if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3 || g.Contains('.', StringComparison.Ordinal) && g.IndexOf('.', StringComparison.Ordinal) != 3))
            {
                return false;
            }
        }

        Span<char> digits = stackalloc char[span.Length];
        var n = 0;
        foreach (var c in span)
        {
            if (c != ',')
            {
                digits[n++] = c;
            }
        }

        if (!double.TryParse(digits[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var last = i;
        if (i + 1 < text.Tokens.Length && lexicon.Scales.TryGetValue(text.Span(text.Tokens[i + 1]), out var scale) && scale >= 1000)
        {
            value *= scale;
            last = i + 1;
        }

        var isYear = !hasComma && !hasDot && span.Length == 4 && last == i && value >= lexicon.YearLow && value <= lexicon.YearHigh;
        number = new Number(i, last, value, isYear, Grain(value));
        return true;
    }

    private enum WordKind
    {
        None,
        Unit,
        Tens,
        Scale,
    }

    private static bool TryWords(TextTokens text, ClaimLexicon lexicon, int i, out Number number)
    {
        number = default;
        var tokens = text.Tokens;
        long total = 0, current = 0;
        var previous = WordKind.None;
        var last = -1;
        var j = i;
        while (j < tokens.Length)
        {
            var token = tokens[j];
            var word = text.Span(token);
            if (token.Kind == TokenKind.Word && lexicon.Units.TryGetValue(word, out var unit))
            {
                // "twenty one" and "hundred and five" combine; "one two" does not.
                if (previous == WordKind.Unit || (previous == WordKind.Tens && unit >= 10))
                {
                    break;
                }

                current += unit;
                previous = WordKind.Unit;
            }
            else if (token.Kind == TokenKind.Word && lexicon.Tens.TryGetValue(word, out var tens))
            {
                if (previous is WordKind.Unit or WordKind.Tens)
                {
                    break;
                }

                current += tens;
                previous = WordKind.Tens;
            }
            else if (token.Kind == TokenKind.Word && previous != WordKind.None && lexicon.Scales.TryGetValue(word, out var scale))
            {
                if (scale == 100)
                {
                    current = (current == 0 ? 1 : current) * 100;
                }
                else
                {
                    total += (current == 0 ? 1 : current) * scale;
                    current = 0;
                }

                previous = WordKind.Scale;
            }
            else if (previous == WordKind.Scale && word.Equals("and", StringComparison.OrdinalIgnoreCase)
                && j + 1 < tokens.Length && IsSmallNumberWord(text, lexicon, j + 1))
            {
                j++;
                continue;
            }
            else if (previous == WordKind.Tens && token.Kind == TokenKind.Punct && TermMatcher<int>.IsHyphen(word[0])
                && j + 1 < tokens.Length && token.Start == tokens[j - 1].End && tokens[j + 1].Start == token.End
                && lexicon.Units.TryGetValue(text.Span(tokens[j + 1]), out var u) && u < 10)
            {
                j++;
                continue;
            }
            else
            {
                break;
            }

            last = j;
            j++;
        }

        if (last < 0 || (last == i && lexicon.NotAlone.Contains(text.Span(tokens[i]).ToString())))
        {
            return false;
        }

        var value = (double)(total + current);
        number = new Number(i, last, value, false, Grain(value));
        return true;
    }

    private static bool IsSmallNumberWord(TextTokens text, ClaimLexicon lexicon, int index)
    {
        var word = text.Span(text.Tokens[index]);
        return lexicon.Units.ContainsKey(word) || lexicon.Tens.ContainsKey(word);
    }

    /// <summary>Half the rounding step of a round figure: 72,000 ± 500, 120 ± 5; exact-looking figures get 0.</summary>
    private static double Grain(double value)
    {
        if (value < 10 || value != Math.Floor(value))
        {
            return 0;
        }

        double step = 1;
        while (value % (step * 10) == 0)
        {
            step *= 10;
        }

        return step >= 10 ? step / 2 : 0;
    }
}
