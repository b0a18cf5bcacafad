using System.Collections.Frozen;

namespace HonchoBot.Core.Corpus;

/// <summary>
/// Splits text into sentences by rule: a period, question or exclamation mark, optionally closed by quotes or
/// brackets, followed by whitespace and an uppercase letter, a digit or an opening quote — unless the word
/// before it is an abbreviation or an initial. Lucene.Net.ICU restores and runs, but its sentence iterator
/// breaks after "U.S." in "U.S. pilots", which this corpus writes constantly (docs/index-design.md, "Passages").
/// </summary>
public static class SentenceSplitter
{
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "u.s", "u.k", "u.n", "u.s.s.r", "ussr", "lt", "col", "gen", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm",
        "cmdr", "cdr", "brig", "no", "nos", "mr", "mrs", "ms", "dr", "prof", "st", "mt", "ft", "jr", "sr", "vs", "etc",
        "approx", "ca", "cf", "e.g", "i.e", "fig", "vol", "pp", "p", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "inc", "co", "corp", "ltd", "dept", "est", "op", "sq", "div", "regt", "bn",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sentence spans as (start, length) into <paramref name="text"/>, trimmed of surrounding spaces.</summary>
    public static IReadOnlyList<(int Start, int Length)> Split(string text)
    {
        var spans = new List<(int, int)>();
        var start = SkipSpace(text, 0);
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '。' or '！' or '？')
            {
                // CJK sentence marks end a sentence with or without a following space.
                Add(start, i + 1);
                start = SkipSpace(text, i + 1);
                i = start - 1;
                continue;
            }

            if (c is not ('.' or '!' or '?' or '…'))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && IsCloser(text[end]))
            {
                end++;
            }

            if (end >= text.Length || !char.IsWhiteSpace(text[end]))
            {
                continue;
            }

            var next = SkipSpace(text, end);
            if (next >= text.Length || !StartsSentence(text[next]))
            {
                continue;
            }

            if (c == '.' && IsAbbreviation(text, start, i))
            {
                continue;
            }

            Add(start, end);
            start = next;
            i = next - 1;
        }

        Add(start, text.Length);
        return spans;

        void Add(int from, int to)
        {
            while (to > from && char.IsWhiteSpace(text[to - 1]))
            {
                to--;
            }

            if (to > from)
            {
                spans.Add((from, to - from));
            }
        }
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or ')' or ']' or '”' or '’' or '»';

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '"' or '\'' or '(' or '[' or '“' or '‘' or '«' || (!char.IsLetter(c) ? false : !char.IsLower(c));

    /// <summary>True when the word ending at <paramref name="period"/> is an abbreviation or a single initial.</summary>
    private static bool IsAbbreviation(string text, int sentenceStart, int period)
    {
        var wordStart = period;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '"' or '“' or '‘'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, period - wordStart);
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true; // An initial: "J. Smith".
        }

        return word.Length > 0 && Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }
}
