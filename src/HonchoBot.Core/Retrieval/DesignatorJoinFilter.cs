using System.Text.RegularExpressions;
using Lucene.Net.Analysis.CharFilters;

namespace HonchoBot.Core.Retrieval;

/// <summary>
/// Joins aircraft designators before tokenising ("MiG-15", "Mig 15" → "MiG15"): removes the one dash or space
/// between a family prefix and its number wherever <paramref name="designator"/> matches, and corrects offsets so
/// tokens still point into the original text (docs/index-design.md). It does what Lucene's pattern-replace char
/// filter did with the same regex and "$1$2$3", with the same offset corrections, at a fraction of the cost: no
/// string building, no replacement regex run per match. Every passage goes through it.
/// </summary>
internal sealed class DesignatorJoinFilter(TextReader input, Regex designator) : BaseCharFilter(input)
{
    private char[]? _text;
    private int _length;
    private int _next;

    public override int Read(char[] buffer, int index, int count)
    {
        Fill();
        var n = Math.Min(count, _length - _next);
        if (n <= 0)
        {
            return 0;
        }

        Array.Copy(_text!, _next, buffer, index, n);
        _next += n;
        return n;
    }

    public override int Read()
    {
        Fill();
        return _next < _length ? _text![_next++] : -1;
    }

    protected override int Correct(int currentOff) => Math.Max(0, base.Correct(currentOff));

    private void Fill()
    {
        if (_text is not null)
        {
            return;
        }

        var text = new char[1024];
        var length = 0;
        for (int read; (read = m_input.Read(text, length, text.Length - length)) > 0;)
        {
            length += read;
            if (length == text.Length)
            {
                Array.Resize(ref text, text.Length * 2);
            }
        }

        _length = Join(text, length);
        _text = text;
    }

    /// <summary>Removes each designator's separator in place; returns the new length.</summary>
    private int Join(char[] text, int length)
    {
        List<(int Separator, int End)>? joins = null;
        foreach (var match in designator.EnumerateMatches(text.AsSpan(0, length)))
        {
            // A match is a family prefix, at most one separator, digits: the separator is its only other character.
            for (var i = match.Index; i < match.Index + match.Length; i++)
            {
                if (!char.IsLetterOrDigit(text[i]))
                {
                    (joins ??= []).Add((i, match.Index + match.Length));
                    break;
                }
            }
        }

        if (joins is null)
        {
            return length;
        }

        var write = joins[0].Separator;
        for (var j = 0; j < joins.Count; j++)
        {
            var (separator, end) = joins[j];
            var next = j + 1 < joins.Count ? joins[j + 1].Separator : length;
            Array.Copy(text, separator + 1, text, write, next - separator - 1);

            // From the end of the joined designator on, offsets in the output are one more behind the original
            // (where the pattern-replace filter records it: right after the replacement).
            AddOffCorrectMap(write + (end - separator - 1), j + 1);
            write += next - separator - 1;
        }

        return write;
    }
}
